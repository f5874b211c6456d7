/**
 * Pipeline definitions in Buildkite's format: reading YAML safely with source locations, the typed model of
 * every step form ({@link io.jenkins.plugins.installerpipeline.definition.Step} and its records), and
 * validation with the answers Buildkite would give before a push. Each definition also carries its
 * {@link io.jenkins.plugins.installerpipeline.definition.StepGraph}: the steps' keys, groups, kinds and resolved
 * dependencies as flat arrays, which validation and planning read instead of the records.
 *
 * <p>Entry point: {@link io.jenkins.plugins.installerpipeline.definition.DefinitionReader#read(String, String,
 * ReadOptions)}. Two seams let later stages plug in without this package knowing them:
 * {@link io.jenkins.plugins.installerpipeline.definition.ConditionCheck} (validates {@code if:} expressions) and
 * {@link io.jenkins.plugins.installerpipeline.definition.ScalarTransform} (upload-time {@code ${VAR}}
 * interpolation of string values).
 */
package io.jenkins.plugins.installerpipeline.definition;
