/**
 * Pipeline definitions in Buildkite's format: reading YAML safely with source locations, the typed model of
 * every step form ({@link io.jenkins.plugins.installerpipeline.definition.Step} and its records), and
 * validation with the answers Buildkite would give before a push. Each definition also carries its
 * {@link io.jenkins.plugins.installerpipeline.definition.StepGraph}: the steps' keys, groups, kinds and resolved
 * dependencies as flat arrays, which validation and planning read instead of the records.
 *
 * <p>The verdicts are Buildkite's: what its agent ({@code go-pipeline}) and server (pipeline-schema) accept is
 * accepted, with a warning where Buildkite does something a user may not expect, and what they refuse is an error.
 * Reading is linear in time and memory and bounded by {@link io.jenkins.plugins.installerpipeline.definition.ReadLimits}:
 * {@link io.jenkins.plugins.installerpipeline.definition.DefinitionFile} refuses a file over the size limit, or not a
 * regular file, before reading it.
 *
 * <p>Entry point: {@link io.jenkins.plugins.installerpipeline.definition.DefinitionReader#read(String, String,
 * ReadOptions)}. Two seams let later stages plug in without this package knowing them:
 * {@link io.jenkins.plugins.installerpipeline.definition.ConditionCheck} (validates {@code if:} expressions) and
 * {@link io.jenkins.plugins.installerpipeline.definition.ScalarTransform} (upload-time {@code ${VAR}}
 * interpolation of string values).
 */
package io.jenkins.plugins.installerpipeline.definition;
