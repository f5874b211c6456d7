/**
 * Migration: turns a Buildkite pipeline definition into a Jenkinsfile that uses the plugin's steps
 * ({@code triggerInstallers}, {@code blockUnlessTag}, {@code fetchUpstreamArtifacts}, {@code readPipelineDefinition}).
 * It owns what each Buildkite construct becomes in Jenkins and the warnings, with their file:line, for what has no
 * faithful Jenkins form (kept in the output as comments). Stage order comes from the plan's layers; the text is
 * written in declarative or scripted Pipeline syntax.
 *
 * <p>Entry point: {@link io.jenkins.plugins.installerpipeline.convert.JenkinsfileConverter#convert(String, String,
 * ConvertOptions)}.
 */
package io.jenkins.plugins.installerpipeline.convert;
