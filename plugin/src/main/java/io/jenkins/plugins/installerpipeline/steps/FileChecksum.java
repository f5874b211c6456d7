package io.jenkins.plugins.installerpipeline.steps;

import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.installerpipeline.artifact.Sha256;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import jenkins.MasterToSlaveFileCallable;

/**
 * Size and SHA-256 of a file where it is (the agent), by the engine's streamed hash: {@code {size, sha256}}. Verifies
 * what actually landed in the workspace, not what the controller sent.
 */
final class FileChecksum extends MasterToSlaveFileCallable<String[]> {

    private static final long serialVersionUID = 1L;

    @Override
    public String[] invoke(File file, VirtualChannel channel) throws IOException {
        return new String[] {Long.toString(Files.size(file.toPath())), Sha256.of(file.toPath())};
    }
}
