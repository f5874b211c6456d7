/**
 * Upload-time variable interpolation with Buildkite's rules ({@code $VAR}, {@code ${VAR:-word}},
 * {@code ${VAR?message}}, {@code ${VAR:offset:length}}, escapes {@code $$} and {@code \$}), as the agent applies
 * it to every string value of a pipeline definition before the server reads it. Errors are values with the
 * column inside the text. {@link io.jenkins.plugins.installerpipeline.interpolation.Interpolator} is the entry
 * point; {@link io.jenkins.plugins.installerpipeline.interpolation.Template} is a parsed text, also used by the
 * conditional language for its {@code $VAR} substitutions, and its {@link
 * io.jenkins.plugins.installerpipeline.interpolation.Part}s let a consumer that expands later (the converter writing
 * a shell script) apply the escapes now and keep each expansion.
 */
package io.jenkins.plugins.installerpipeline.interpolation;
