/**
 * The Pipeline steps: {@code triggerInstallers} (schedule the installer jobs of a pipeline definition with the
 * package build's metadata), {@code blockUnlessTag} (the approval gate, decided by the engine's
 * {@code gate.ApprovalGate} and delegating to the stock {@code input} step; after an approval it waits for the
 * installer builds this one depends on, {@code jenkins.DependencyWaits}) and {@code readPipelineDefinition} (the plan for this
 * build as plain lists and maps). The engine decides; these classes only connect its decisions to Jenkins builds.
 */
package io.jenkins.plugins.installerpipeline.steps;
