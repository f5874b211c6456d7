package io.jenkins.plugins.installerpipeline.release;

/**
 * Keeps a secret out of text shown to people. The publisher never puts the token in a message, but text that comes
 * from elsewhere (an exception from a library, a server's error body) might echo it.
 */
public final class Redaction {

    /** What the secret is replaced with. */
    public static final String MASK = "****";

    private Redaction() {}

    /** {@code text} with every occurrence of {@code secret} replaced by {@link #MASK}; unchanged for a blank secret. */
    public static String mask(String text, String secret) {
        if (text == null) {
            return "";
        }
        if (secret == null || secret.isBlank()) {
            return text;
        }
        return text.replace(secret, MASK);
    }
}
