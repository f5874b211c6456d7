/**
 * The Pipeline steps: {@code triggerInstallers} (schedule the installer jobs of a pipeline definition with the
 * package build's metadata), {@code blockUnlessTag} (the approval gate, delegating to the stock {@code input} step)
 * and {@code readPipelineDefinition} (the plan for this build as plain lists and maps). The engine decides; these
 * classes only connect its decisions to Jenkins builds.
 */
package io.jenkins.plugins.installerpipeline.steps;
