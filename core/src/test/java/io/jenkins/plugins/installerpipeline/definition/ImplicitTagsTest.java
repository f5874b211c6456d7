package io.jenkins.plugins.installerpipeline.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/** The tags {@link ImplicitTags} gives are SnakeYAML's, for any scalar a definition can hold. */
public class ImplicitTagsTest {

    private final Resolver snakeYaml = new Resolver();
    private final ImplicitTags implicitTags = new ImplicitTags();

    /** Scalars of every first character, as short and long words, numbers and the special words. */
    private static List<String> scalars() {
        List<String> values = new ArrayList<>(List.of("", " ", "~", "null", "Null", "NULL", "nul", "nulls", "true",
                "True", "TRUE", "tRUE", "false", "False", "FALSE", "falsey", "yes", "Yes", "YES", "no", "No", "NO",
                "on", "On", "ON", "off", "Off", "OFF", "offset", "y", "n", "<<", "<<<", "=", "1", "-1", "+1", "0x1F",
                "0b101", "0o17", "017", "1_000", "3.9", ".5", "-.inf", ".inf", ".NaN", "1e3", "1:30", "2024-01-02",
                "2024-01-02T03:04:05Z", "2001-12-14 21:59:43.10 -5", "trigger", "make part-1", "t0", "s1", "key",
                "linux", "depends_on", "!x", "&a", "*a"));
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            values.add(String.valueOf(c));
            values.add(c + "rue");
            values.add(c + "alse");
            values.add(c + "ull");
            values.add(c + "12345");
            values.add(c + "abcdefghijkl");
        }
        return values;
    }

    @Test
    public void givesSnakeYamlsTagForEveryPlainScalar() {
        for (String value : scalars()) {
            assertThat(implicitTags.resolve(NodeId.scalar, value, true))
                    .as("plain scalar '%s'", value)
                    .isEqualTo(snakeYaml.resolve(NodeId.scalar, value, true));
        }
    }

    @Test
    public void leavesQuotedScalarsAndCollectionsToSnakeYaml() {
        for (String value : List.of("", "true", "123", "text")) {
            assertThat(implicitTags.resolve(NodeId.scalar, value, false)).isEqualTo(Tag.STR);
        }
        assertThat(implicitTags.resolve(NodeId.sequence, "", true)).isEqualTo(Tag.SEQ);
        assertThat(implicitTags.resolve(NodeId.mapping, "", true)).isEqualTo(Tag.MAP);
    }

    /** Fails when a SnakeYAML upgrade registers expressions for other first characters: the shortcut must follow. */
    @Test
    public void knowsEveryFirstCharacterSnakeYamlHasExpressionsFor() {
        Set<Character> registered = new Resolver() {
            Set<Character> firstCharacters() {
                return yamlImplicitResolvers.keySet().stream().filter(c -> c != null)
                        .collect(Collectors.toCollection(TreeSet::new));
            }
        }.firstCharacters();
        assertThat(registered).isEqualTo(ImplicitTags.RESOLVED_FIRST.chars().mapToObj(c -> (char) c)
                .collect(Collectors.toCollection(TreeSet::new)));
    }
}
