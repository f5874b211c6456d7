/**
 * Buildkite's {@code if:} conditional language, with the server's syntax and semantics (after
 * buildkite/conditional): {@link io.jenkins.plugins.installerpipeline.condition.Lexer} →
 * {@link io.jenkins.plugins.installerpipeline.condition.Parser} → {@link io.jenkins.plugins.installerpipeline.condition.Node}
 * (the syntax tree) → {@link io.jenkins.plugins.installerpipeline.condition.TypeChecker} →
 * {@link io.jenkins.plugins.installerpipeline.condition.Evaluator}. The entry point is
 * {@link io.jenkins.plugins.installerpipeline.condition.Condition}: compile once (errors carry the column inside
 * the expression), then evaluate against any {@link io.jenkins.plugins.installerpipeline.context.BuildContext}.
 * Regular expressions use RE2/J, so matching is linear in the input.
 */
package io.jenkins.plugins.installerpipeline.condition;
