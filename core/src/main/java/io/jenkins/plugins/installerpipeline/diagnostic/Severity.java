package io.jenkins.plugins.installerpipeline.diagnostic;

import java.util.Locale;

/** How bad a {@link Diagnostic} is: an error makes a definition unusable, a warning does not. */
public enum Severity {
    ERROR,
    WARNING;

    /** The word printed in {@code FILE:LINE:COL: error: MESSAGE}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
