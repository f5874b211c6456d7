package io.jenkins.plugins.installerpipeline.definition;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML's {@link Resolver} (which tag a plain scalar has: bool, int, null, string...), giving the same tags, but
 * answering "string" at once where none of its regular expressions can match.
 *
 * <p>Why: SnakeYAML tries its expressions by the scalar's first character, and then for any scalar of up to ten
 * characters that none matched, the ones registered for no character (null's and the empty scalar's): a
 * {@code Matcher} for most keys and values of a definition ({@code key}, {@code s1}, {@code linux}). That was a tenth of composing a large definition in a
 * one-shot run. {@code ImplicitTagsTest} compares the two on every first character.
 */
final class ImplicitTags extends Resolver {

    /** The first characters SnakeYAML 2.5 registers expressions for ({@code Resolver.addImplicitResolvers}). */
    static final String RESOLVED_FIRST = "yYnNtTfFoO-+0123456789.<~!&*";

    /**
     * The first characters of the scalars left to SnakeYAML: those above, and the space, since the expressions it
     * tries on any scalar (null's, registered for {@code \0}, and the empty scalar's) match {@code " "} too.
     */
    private static final String LEFT_TO_SNAKEYAML = RESOLVED_FIRST + " ";

    /** The longest word the expressions for letters match ({@code false}, {@code False}, {@code FALSE}). */
    static final int LONGEST_WORD = 5;

    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
        if (kind == NodeId.scalar && implicit && !value.isEmpty()) {
            char first = value.charAt(0);
            if (LEFT_TO_SNAKEYAML.indexOf(first) < 0
                    || value.length() > LONGEST_WORD && first >= 'A' && first <= 'z') {
                return Tag.STR;
            }
        }
        return super.resolve(kind, value, implicit);
    }
}
