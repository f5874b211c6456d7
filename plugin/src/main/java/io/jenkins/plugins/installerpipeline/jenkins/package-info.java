/**
 * Jenkins-side records of an orchestration: the facts of a Jenkins build handed to the engine
 * ({@link io.jenkins.plugins.installerpipeline.jenkins.JenkinsBuildFacts}), the metadata an installer build receives
 * from the package build ({@link io.jenkins.plugins.installerpipeline.jenkins.InstallerMetadataAction}), the upstream
 * build's list of installer builds and their states
 * ({@link io.jenkins.plugins.installerpipeline.jenkins.InstallerRunsAction}), the listeners that keep that list
 * current, archived artifacts described for the installers, and the gate's timeout. Actions here hold only strings,
 * numbers, lists and maps, because they are written to {@code build.xml}.
 */
package io.jenkins.plugins.installerpipeline.jenkins;
