package io.jenkins.plugins.installerpipeline.interpolation;

import io.jenkins.plugins.installerpipeline.diagnostic.ColumnError;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.installerpipeline.context.BuildContext;
import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.util.Map;
import org.junit.Test;

public class InterpolatorTest {

    private static final Map<String, String> ENV = Map.of(
            "TAG", "v0.16.0",
            "EMPTY", "",
            "NAME", "kolibri",
            "LONG", "kolibri-0.16.0-py2.py3-none-any.whl",
            "B", "from-b");

    private static String expand(String text) {
        InterpolationResult result = Interpolator.interpolate(text, ENV);
        assertThat(result).as("expansion of %s", text).isInstanceOf(InterpolationResult.Expanded.class);
        return result.text().orElseThrow();
    }

    private static ColumnError error(String text) {
        InterpolationResult result = Interpolator.interpolate(text, ENV);
        assertThat(result).as("expansion of %s", text).isInstanceOf(InterpolationResult.Failed.class);
        return ((InterpolationResult.Failed) result).error();
    }

    @Test
    public void plainTextIsUnchanged() {
        assertThat(expand("just text: with {braces} and \\ backslash")).isEqualTo("just text: with {braces} and \\ backslash");
        assertThat(expand("")).isEmpty();
    }

    @Test
    public void expandsBareAndBracedVariables() {
        assertThat(expand("$TAG")).isEqualTo("v0.16.0");
        assertThat(expand("${TAG}")).isEqualTo("v0.16.0");
        assertThat(expand("release-$NAME-${TAG}.exe")).isEqualTo("release-kolibri-v0.16.0.exe");
        assertThat(expand("$NAME_x")).as("a bare name takes every name character").isEmpty();
    }

    @Test
    public void unsetVariablesExpandToEmptyStrings() {
        assertThat(expand("[$UNSET]")).isEqualTo("[]");
        assertThat(expand("[${UNSET}]")).isEqualTo("[]");
        assertThat(expand("[$EMPTY]")).isEqualTo("[]");
    }

    @Test
    public void colonDashDefaultsWhenUnsetOrEmpty() {
        assertThat(expand("${TAG:-false}")).isEqualTo("v0.16.0");
        assertThat(expand("${UNSET:-false}")).isEqualTo("false");
        assertThat(expand("${EMPTY:-false}")).isEqualTo("false");
        assertThat(expand("${UNSET:-}")).isEmpty();
    }

    @Test
    public void dashDefaultsOnlyWhenUnset() {
        assertThat(expand("${UNSET-word}")).isEqualTo("word");
        assertThat(expand("[${EMPTY-word}]")).isEqualTo("[]");
        assertThat(expand("${TAG-word}")).isEqualTo("v0.16.0");
    }

    @Test
    public void defaultsNest() {
        assertThat(expand("${UNSET:-${ALSO_UNSET:-$B}}")).isEqualTo("from-b");
        assertThat(expand("${UNSET:-${TAG:-x}}")).isEqualTo("v0.16.0");
        assertThat(expand("${UNSET:-a ${NAME} b}")).isEqualTo("a kolibri b");
        assertThat(expand("${UNSET:-x}y}")).as("the first } closes the expansion").isEqualTo("xy}");
    }

    @Test
    public void requiredVariablesFailNamingTheVariable() {
        assertThat(expand("${TAG?}")).isEqualTo("v0.16.0");
        assertThat(expand("${EMPTY?}")).as("? accepts an empty value").isEmpty();
        assertThat(error("tag: ${UNSET?}")).isEqualTo(new ColumnError(6, "$UNSET: not set"));
        assertThat(error("${UNSET?the release tag is required}"))
                .isEqualTo(new ColumnError(1, "$UNSET: the release tag is required"));
        assertThat(error("x ${EMPTY:?must not be empty}"))
                .isEqualTo(new ColumnError(3, "$EMPTY: must not be empty"));
        assertThat(error("${UNSET:?}")).isEqualTo(new ColumnError(1, "$UNSET: not set or empty"));
        assertThat(expand("${TAG:?x}")).isEqualTo("v0.16.0");
    }

    @Test
    public void substrings() {
        assertThat(expand("${LONG:8}")).isEqualTo("0.16.0-py2.py3-none-any.whl");
        assertThat(expand("${LONG:0:7}")).isEqualTo("kolibri");
        assertThat(expand("${LONG: -3}")).isEqualTo("whl");
        assertThat(expand("${LONG: -7:3}")).isEqualTo("any");
        assertThat(expand("${LONG:8:-4}")).isEqualTo("0.16.0-py2.py3-none-any");
        assertThat(expand("${NAME:100}")).isEmpty();
        assertThat(expand("${NAME: -100:3}")).isEqualTo("kol");
        assertThat(expand("${NAME:2:100}")).isEqualTo("libri");
        assertThat(expand("[${UNSET:2}]")).isEqualTo("[]");
        assertThat(expand("${NAME:-7}")).as("without a space, :- is a default").isEqualTo("kolibri");
    }

    @Test
    public void escapesLeaveALiteralDollar() {
        assertThat(expand("$$TAG")).isEqualTo("$TAG");
        assertThat(expand("\\$TAG")).isEqualTo("$TAG");
        assertThat(expand("$${TAG}")).isEqualTo("${TAG}");
        assertThat(expand("\\${TAG:-x}")).isEqualTo("${TAG:-x}");
        assertThat(expand("$$$TAG")).isEqualTo("$v0.16.0");
        assertThat(expand("cost: $$5")).isEqualTo("cost: $5");
        assertThat(expand("\\\\")).as("an escaped backslash is kept as written").isEqualTo("\\\\");
    }

    @Test
    public void aDollarThatStartsNoExpansionIsLiteral() {
        assertThat(expand("$")).isEqualTo("$");
        assertThat(expand("a $ b")).isEqualTo("a $ b");
        assertThat(expand("$5")).isEqualTo("$5");
        assertThat(expand("$(date)")).isEqualTo("$(date)");
        assertThat(expand("$_X")).as("upload names start with a letter").isEqualTo("$_X");
    }

    @Test
    public void malformedExpansionsAreErrorsWithTheirColumn() {
        assertThat(error("abc ${TAG")).isEqualTo(new ColumnError(5, "`${TAG` is not closed: expected `}` after `${TAG"));
        assertThat(error("x${}")).isEqualTo(new ColumnError(2, "`${}` names no variable"));
        assertThat(error("${1X}").column()).isEqualTo(1);
        assertThat(error("${1X}").message()).contains("expected a variable name");
        assertThat(error("ok ${TAG+x}").column()).isEqualTo(4);
        assertThat(error("ok ${TAG+x}").message()).contains("`+` is not a substitution operator").contains("${TAG+x}");
        assertThat(error("${TAG:abc}")).isEqualTo(
                new ColumnError(1, "substring offset `abc` in `${TAG:abc}` is not a whole number"));
        assertThat(error("${TAG:1:x}").message()).contains("length `x`");
        assertThat(error("${A:-${B").column()).as("the innermost unclosed expansion").isEqualTo(6);
        assertThat(error("${A:-x").column()).isEqualTo(1);
    }

    @Test
    public void deepNestingIsAnErrorNotAStackOverflow() {
        String deep = "${A:-".repeat(50_000) + "x" + "}".repeat(50_000);
        assertThat(error(deep).message()).contains("nested more than 100 deep");
        String fine = "${A:-".repeat(50) + "x" + "}".repeat(50);
        assertThat(expand(fine)).isEqualTo("x");
    }

    @Test
    public void readsTheContextsEffectiveEnvironment() {
        BuildContext release = BuildContext.builder().tag("v0.16.0").build();
        BuildContext ordinary = BuildContext.builder().env("BUILDKITE_TAG", "forged").build();
        assertThat(Interpolator.interpolate("${BUILDKITE_TAG:-false}", release).text()).contains("v0.16.0");
        assertThat(Interpolator.interpolate("${BUILDKITE_TAG:-false}", ordinary).text()).contains("false");
        assertThat(Interpolator.interpolate("${BUILDKITE_TAG-unset}", ordinary).text()).contains("unset");
    }

    @Test
    public void errorsBecomeDiagnosticsInsideTheValue() {
        SourceLocation value = new SourceLocation(".buildkite/pipeline.yml", 12, 28);
        InterpolationResult result = Interpolator.interpolate("tag ${UNSET?}", Map.of());
        assertThat(result.diagnostic(value).orElseThrow().format())
                .isEqualTo(".buildkite/pipeline.yml:12:32: error: $UNSET: not set");
        assertThat(Interpolator.interpolate("fine", Map.of()).diagnostic(value)).isEmpty();
        assertThat(Interpolator.check("a ${B", value)).singleElement()
                .satisfies(d -> assertThat(d.location().column()).isEqualTo(30));
        assertThat(Interpolator.check("${UNSET?}", value)).as("check is syntax only").isEmpty();
    }

    @Test
    public void aTemplateParsesOnceAndExpandsManyTimes() {
        Template template = ((Template.Parse.Valid) Template.parse("${BUILDKITE_TAG:-false}")).template();
        assertThat(template.expand(Map.of()).text()).contains("false");
        assertThat(template.expand(Map.of("BUILDKITE_TAG", "v1")).text()).contains("v1");
        assertThat(template.hasSubstitutions()).isTrue();
        assertThat(((Template.Parse.Valid) Template.parse("a $$ b")).template().hasSubstitutions()).isFalse();
    }

    @Test
    public void conditionSyntaxAlsoAcceptsAlternatesAndUnderscoreNames() {
        Template alternate = ((Template.Parse.Valid) Template.parse("${TAG:+yes}", Syntax.CONDITION)).template();
        assertThat(alternate.expand(ENV).text()).contains("yes");
        assertThat(alternate.expand(Map.of("TAG", "")).text()).contains("");
        Template plus = ((Template.Parse.Valid) Template.parse("${EMPTY+set}", Syntax.CONDITION)).template();
        assertThat(plus.expand(ENV).text()).contains("set");
        Template underscore = ((Template.Parse.Valid) Template.parse("$_X", Syntax.CONDITION)).template();
        assertThat(underscore.expand(Map.of("_X", "u")).text()).contains("u");
    }

    @Test
    public void substringsCountCodePoints() {
        assertThat(Interpolator.interpolate("${S:1:2}", Map.of("S", "a😀bc")).text()).contains("😀b");
    }
}
