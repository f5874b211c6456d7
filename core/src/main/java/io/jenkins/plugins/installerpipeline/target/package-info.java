/**
 * Which CI job a trigger step starts: the default name of a pipeline slug's job beside the triggering project, and
 * the "did you mean" suggestions when no job of that name exists. Pure string rules; the Jenkins plugin looks the
 * names up.
 */
package io.jenkins.plugins.installerpipeline.target;
