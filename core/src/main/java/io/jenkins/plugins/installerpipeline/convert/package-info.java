/**
 * Migration: turns a Buildkite pipeline definition into a Jenkinsfile that uses the plugin's steps
 * ({@code triggerInstallers}, {@code blockUnlessTag}, {@code fetchUpstreamArtifacts}, {@code readPipelineDefinition}),
 * doing what the Buildkite pipeline did or saying, as a warning with its file:line:col, where it cannot. Stage order
 * comes from the planner's dependency layers ({@code StageLayout}); a step's commands stay one script in the shell of
 * their platform ({@code CommandScript}); every string gets Buildkite's upload-time interpolation, expressed in
 * Jenkins' terms ({@code Expansions}); {@code buildkite-agent} calls become plugin steps or warnings, also inside
 * the scripts a command runs. The text is written in declarative or scripted Pipeline syntax.
 *
 * <p>Entry point: {@link io.jenkins.plugins.installerpipeline.convert.JenkinsfileConverter#convert(String, String,
 * ConvertOptions)}.
 */
package io.jenkins.plugins.installerpipeline.convert;
