package io.jenkins.plugins.installerpipeline.definition;

import static io.jenkins.plugins.installerpipeline.definition.Yaml.diagnostics;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

/** Hostile YAML gets one clear, located error and nothing else: no object built, no exhaustion. */
public class HostileInputTest {

    @Test
    public void customJavaTagIsRefused() {
        assertThat(diagnostics("""
                steps:
                  - !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://x/"]]]]
                """)).containsExactly("p.yml:2:5: error: YAML tag !!javax.script.ScriptEngineManager is not"
                + " allowed: only plain data (strings, numbers, booleans, lists, mappings) is read");
    }

    @Test
    public void localAndGlobalTagsAreRefused() {
        assertThat(diagnostics("steps:\n  - command: !shell x\n")).containsExactly(
                "p.yml:2:14: error: YAML tag !shell is not allowed: only plain data (strings, numbers, booleans,"
                        + " lists, mappings) is read");
        assertThat(diagnostics("steps: !!java/object:java.util.ArrayList []\n")).hasSize(1)
                .allMatch(d -> d.startsWith("p.yml:1:8: error: YAML tag !!java/object:java.util.ArrayList is not"));
    }

    @Test
    public void fileSizeLimit() {
        ReadOptions small = ReadOptions.defaults().withLimits(new ReadLimits(100, 64, 50, 1000));
        String text = "steps:\n  - command: " + "x".repeat(200) + "\n";
        assertThat(DefinitionReader.read("p.yml", text, small).diagnostics().format()).isEqualTo(
                "p.yml:1:1: error: file is 221 bytes, more than the limit of 100 bytes");
    }

    @Test
    public void theSizeLimitCountsBytesOfUtf8() {
        ReadOptions limit = ReadOptions.defaults().withLimits(ReadLimits.DEFAULT.withMaxBytes(26));
        // 22 characters, 26 bytes: each é takes two.
        assertThat(DefinitionReader.read("p.yml", "steps: [{input: éééé}]", limit).diagnostics().all()).isEmpty();
        assertThat(DefinitionReader.read("p.yml", "steps: [{input: ééééé}]", limit).diagnostics().format())
                .isEqualTo("p.yml:1:1: error: file is 28 bytes, more than the limit of 26 bytes");
    }

    @Test
    public void theDefaultLimitIsTenMebibytes() {
        String text = "steps:\n  - command: \"" + "x".repeat(ReadLimits.DEFAULT_MAX_BYTES) + "\"\n";
        assertThat(Yaml.diagnostics(text)).containsExactly("p.yml:1:1: error: file is 10485783 bytes, more than the"
                + " limit of 10485760 bytes (10 MiB)");
    }

    @Test
    public void aCharacterYamlDoesNotAllowIsLocated() {
        assertThat(diagnostics("steps:\n  - command: \"ab\u0007c\"\n")).containsExactly("p.yml:2:17: error:"
                + " character U+0007 is not allowed in YAML: only printable characters, tabs and line breaks are"
                + " (is the file binary, or in another encoding?)");
    }

    @Test
    public void aLongTokenOnOneLineIsReadWhole() {
        // SnakeYAML's own reader took time quadratic in a token's length; docs/performance.md has the figures.
        String command = "x".repeat(3_000_000);
        Step step = Yaml.only("steps: [{command: \"" + command + "\", key: k}]  # " + "c".repeat(3_000_000));
        assertThat(((CommandStep) step).commands()).containsExactly(command);
    }

    @Test
    public void columnsCountCharactersOutsideTheBasicPlaneAsOne() {
        // SnakeYAML counts code points; an emoji is one column, as an editor shows it.
        assertThat(diagnostics("steps:\n  - {label: \"\uD83D\uDE80 \uD83D\uDC27\", command: x, timeout_in_minutes: soon}\n"))
                .containsExactly("p.yml:2:52: error: timeout_in_minutes must be a whole number, not 'soon'");
        Step step = Yaml.only("steps:\n  - {label: \"\uD83D\uDE80\uD83D\uDE80 go\", key: \"k\uD83D\uDE80\", command: x}\n");
        assertThat(step.label()).contains("\uD83D\uDE80\uD83D\uDE80 go");
        assertThat(step.common().key().orElseThrow().location()).isEqualTo(
                new io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation("p.yml", 2, 28));
    }

    @Test
    public void nestingDepthLimit() {
        String text = "steps:\n  - command: x\n    matrix: " + "[".repeat(80) + "]".repeat(80) + "\n";
        assertThat(diagnostics(text)).containsExactly(
                "p.yml:3:75: error: YAML nesting is deeper than the limit of 64 levels");
    }

    @Test
    public void nestingThroughAliasesIsBoundedToo() {
        StringBuilder text = new StringBuilder("a0: &a0 [x]\n");
        for (int i = 1; i <= 70; i++) {
            text.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append("]\n");
        }
        text.append("steps: [wait]\n");
        assertThat(diagnostics(text.toString())).containsExactly(
                "p.yml:63:12: error: YAML aliases nest this value deeper than the limit of 64 levels");
    }

    @Test
    public void billionLaughsIsStoppedByTheExpansionLimit() {
        String text = """
                a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
                i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
                steps: [wait]
                """;
        assertThat(diagnostics(text)).containsExactly("p.yml:7:29: error: YAML aliases expand the document to more"
                + " than 5000000 nodes, the limit (\"billion laughs\" attack?)");
    }

    @Test
    public void tooManyAliasesToCollections() {
        StringBuilder text = new StringBuilder("a: &a [x]\nb: [");
        for (int i = 0; i < 201; i++) {
            text.append(i == 0 ? "" : ",").append("*a");
        }
        text.append("]\nsteps: [wait]\n");
        ReadOptions options = ReadOptions.defaults().withLimits(new ReadLimits(1_000_000, 64, 200, 1_000_000));
        assertThat(DefinitionReader.read("p.yml", text.toString(), options).diagnostics().all())
                .extracting(d -> d.format()).hasSize(1).allMatch(d -> d.startsWith("p.yml:2:")
                && d.endsWith("error: YAML uses more than 200 aliases to lists or mappings, the limit"
                        + " (alias expansion attack?)"));
    }

    @Test
    public void recursiveAlias() {
        assertThat(diagnostics("a: &a [1, *a]\nsteps: [wait]\n")).containsExactly(
                "p.yml:1:11: error: recursive YAML alias: a list or mapping contains itself");
    }

    @Test
    public void recursiveMappingAlias() {
        assertThat(diagnostics("a: &m {b: {c: *m}}\nsteps: [wait]\n")).containsExactly(
                "p.yml:1:15: error: recursive YAML alias: a list or mapping contains itself");
    }

    @Test
    public void redefinedAnchorIsNotMistakenForRecursion() {
        assertThat(Yaml.read("a: &x [&x {command: y}, *x]\nsteps: [wait]\n").diagnostics().hasErrors()).isFalse();
    }

    @Test
    public void undefinedAlias() {
        assertThat(diagnostics("steps: [*nothing]\n")).containsExactly(
                "p.yml:1:9: error: invalid YAML: found undefined alias nothing");
    }

    @Test
    public void recursiveKeyIsRefused() {
        assertThat(diagnostics("? &k [*k]\n: v\nsteps: [wait]\n")).hasSize(1).allMatch(d -> d.contains("error:"));
    }

    @Test
    public void syntaxErrorIsLocated() {
        assertThat(diagnostics("steps:\n  - command: \"unterminated\n")).containsExactly(
                "p.yml:3:1: error: invalid YAML: while scanning a quoted scalar: found unexpected end of stream");
    }
}
