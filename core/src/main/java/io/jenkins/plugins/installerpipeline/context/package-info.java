/**
 * The build context: what Buildkite knows about a build when it reads a pipeline definition (tag, branch,
 * commit, message, source, pull request, creator, pipeline, organization and the build environment). Both
 * languages read it: {@code if:} conditionals through {@code build.*} variables and {@code env()}, upload-time
 * interpolation through {@link io.jenkins.plugins.installerpipeline.context.BuildContext#environment()}.
 * Independent of Jenkins: the plugin fills it from a Jenkins build, the CLI from options.
 */
package io.jenkins.plugins.installerpipeline.context;
