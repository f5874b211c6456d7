/**
 * The plan: what a build of a pipeline definition will run, in what order, with what metadata, computed before
 * anything runs. It evaluates {@code if}, {@code branches} and {@code skip} against a build context, derives the
 * dependency graph (explicit {@code depends_on} plus the implicit barriers of {@code wait} and {@code block} steps,
 * as Buildkite does), groups the included steps into layers that can run in parallel, and carries each trigger's
 * interpolated metadata. The command line shows this plan to people; the Jenkins plugin executes the same plan.
 */
package io.jenkins.plugins.installerpipeline.plan;
