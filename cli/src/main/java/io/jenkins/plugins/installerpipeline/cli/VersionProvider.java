package io.jenkins.plugins.installerpipeline.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest, so {@code --version} matches the build that made the jar. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"installer-pipeline " + (version == null ? "development build" : version)};
    }
}
