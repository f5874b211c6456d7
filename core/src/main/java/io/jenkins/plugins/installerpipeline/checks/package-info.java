/**
 * What GitHub shows for each installer build of an orchestration: one check (or, without the Checks API, one commit
 * status) named {@code installer/<slug>} on the package build's commit, derived purely from the installer build's
 * phase ({@link io.jenkins.plugins.installerpipeline.checks.InstallerCheck}). The Jenkins plugin only publishes it.
 */
package io.jenkins.plugins.installerpipeline.checks;
