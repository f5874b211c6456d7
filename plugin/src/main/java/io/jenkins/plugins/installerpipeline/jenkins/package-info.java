/**
 * Jenkins-side records of an orchestration: the metadata an installer build receives from the package build
 * ({@link io.jenkins.plugins.installerpipeline.jenkins.InstallerMetadataAction}), the upstream build's list of
 * installer builds and their states ({@link io.jenkins.plugins.installerpipeline.jenkins.InstallerRunsAction}), and
 * the listeners that keep that list current. Actions here hold only strings, numbers, lists and maps, because they
 * are written to {@code build.xml}.
 */
package io.jenkins.plugins.installerpipeline.jenkins;
