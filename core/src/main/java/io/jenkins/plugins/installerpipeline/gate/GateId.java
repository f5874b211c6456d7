package io.jenkins.plugins.installerpipeline.gate;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The id of the approval gate's input: it becomes a segment of the gate's URLs ({@code <build>/input/<id>/proceedEmpty}),
 * so it must be URL-safe. The rule is the Jenkins input step's own ({@code InputStep.DescriptorImpl.doCheckId} in
 * pipeline-input-step, which plugins may not call): RFC 3986 path characters without percent-encoding, {@code '},
 * {@code &} and {@code ;}, and not {@code .} or {@code ..}. An id the input step would refuse is refused here first,
 * with a message naming the value, instead of the input step's exception.
 */
public final class GateId {

    /** The gate's id when none is given; its URL is {@code <build>/input/ReleaseGate/}. */
    public static final String DEFAULT = "ReleaseGate";

    private static final Pattern SAFE = Pattern.compile("[a-zA-Z0-9\\-._~!$()*+,:@=]+");

    private GateId() {}

    /** Why {@code id} cannot be a gate's id, or empty when it can (an absent or blank id means the default). */
    public static Optional<String> problem(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        if (id.equals(".") || id.equals("..") || !SAFE.matcher(id).matches()) {
            return Optional.of("id '" + id + "' cannot be part of the gate's URL: use only the letters a-z and A-Z,"
                    + " the digits 0-9 and the characters : @ = + $ , - _ . ! ~ * ( ), and not . or .. alone");
        }
        return Optional.empty();
    }
}
