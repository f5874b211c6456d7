package io.jenkins.plugins.installerpipeline.release;

import java.util.Optional;

/**
 * An asset as the release reports it.
 *
 * @param id          GitHub's asset id
 * @param name        the asset name
 * @param label       the label, when set
 * @param state       {@code uploaded}, or {@code starter} for an upload that never finished
 * @param size        the size in bytes
 * @param digest      {@code sha256:HEX} when GitHub reports one (older assets and GitHub Enterprise may not)
 * @param contentType the content type
 */
public record RemoteAsset(long id, String name, Optional<String> label, String state, long size,
                          Optional<String> digest, String contentType) {

    public boolean isUploaded() {
        return "uploaded".equals(state);
    }
}
