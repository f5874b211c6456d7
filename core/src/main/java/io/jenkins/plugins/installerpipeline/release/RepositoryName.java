package io.jenkins.plugins.installerpipeline.release;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A GitHub repository as {@code OWNER/NAME}, e.g. {@code learningequality/kolibri}.
 *
 * @param owner the user or organisation
 * @param name  the repository
 */
public record RepositoryName(String owner, String name) {

    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    /** Parses {@code OWNER/NAME}; empty when it is not of that form. */
    public static Optional<RepositoryName> parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0 || slash != text.lastIndexOf('/')) {
            return Optional.empty();
        }
        String owner = text.substring(0, slash);
        String name = text.substring(slash + 1);
        if (!OWNER.matcher(owner).matches() || !NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            return Optional.empty();
        }
        return Optional.of(new RepositoryName(owner, name));
    }

    @Override
    public String toString() {
        return owner + "/" + name;
    }
}
