package io.jenkins.plugins.installerpipeline.condition;

import io.jenkins.plugins.installerpipeline.diagnostic.ColumnError;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.installerpipeline.context.BuildContext;
import io.jenkins.plugins.installerpipeline.context.BuildSource;
import io.jenkins.plugins.installerpipeline.context.Creator;
import io.jenkins.plugins.installerpipeline.context.PullRequest;
import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

public class ConditionTest {

    private static final BuildContext NONE = BuildContext.empty();

    private static final BuildContext RELEASE = BuildContext.builder()
            .tag("v0.16.0").branch("release-v0.16.x").commit("abc123").message("Release v0.16.0")
            .source(BuildSource.TRIGGER_JOB).number(42)
            .creator(new Creator(Optional.of("Ann"), Optional.of("ann@example.org"), List.of("release", "qa")))
            .env("LE_KOLIBRI_RELEASE", "v0.16.0").env("EMPTY", "")
            .build();

    private static final BuildContext ORDINARY = BuildContext.builder()
            .branch("develop").source(BuildSource.TRIGGER_JOB).message("Fix a typo")
            .env("LE_KOLIBRI_RELEASE", "false")
            .build();

    private static Condition compile(String expression) {
        Compilation compilation = Condition.compile(expression);
        if (compilation instanceof Compilation.Invalid invalid) {
            throw new AssertionError("expected " + expression + " to compile: " + invalid.error().format());
        }
        return ((Compilation.Valid) compilation).condition();
    }

    private static boolean eval(String expression, BuildContext context) {
        Evaluation evaluation = compile(expression).evaluate(context);
        assertThat(evaluation).as(expression).isInstanceOf(Evaluation.Decided.class);
        return ((Evaluation.Decided) evaluation).value();
    }

    private static ColumnError invalid(String expression) {
        Compilation compilation = Condition.compile(expression);
        assertThat(compilation).as(expression).isInstanceOf(Compilation.Invalid.class);
        return ((Compilation.Invalid) compilation).error();
    }

    private static void assertInvalid(String expression, int column, String messagePart) {
        ColumnError error = invalid(expression);
        assertThat(error.column()).as("column of the error in %s (%s)", expression, error.message()).isEqualTo(column);
        assertThat(error.message()).as(expression).contains(messagePart);
    }

    // --- the Kolibri conditions ---

    @Test
    public void uploadReleaseArtifactsRunsOnlyForATag() {
        assertThat(eval("build.tag != null", RELEASE)).isTrue();
        assertThat(eval("build.tag != null", ORDINARY)).isFalse();
        assertThat(eval("build.tag != null", BuildContext.builder().tag("").build()))
                .as("a blank tag is no tag").isFalse();
    }

    @Test
    public void installerGateExistsOnlyWhenTriggeredFromAnOrdinaryBuild() {
        String gate = "build.env(\"LE_KOLIBRI_RELEASE\") == \"false\"";
        assertThat(eval(gate, ORDINARY)).as("ordinary package build: the gate waits").isTrue();
        assertThat(eval(gate, RELEASE)).as("release: no gate").isFalse();
        assertThat(eval(gate, NONE)).as("started by a person: unset, null, no gate").isFalse();
    }

    @Test
    public void gateVariants() {
        String variant = "build.env(\"LE_KOLIBRI_RELEASE\") == \"false\" || build.env(\"LE_TRIGGERED_FROM_KOLIBRI_VERSION_TAG\") == \"\"";
        assertThat(eval(variant, NONE)).as("unset is null, not \"\"").isFalse();
        assertThat(eval(variant, BuildContext.builder().env("LE_TRIGGERED_FROM_KOLIBRI_VERSION_TAG", "").build()))
                .as("set empty is \"\"").isTrue();
        String source = "build.source == \"trigger_job\" && build.env(\"LE_KOLIBRI_RELEASE\") == \"false\"";
        assertThat(eval(source, ORDINARY)).isTrue();
        assertThat(eval(source, ORDINARY.toBuilder().source(BuildSource.UI).build())).isFalse();
        assertThat(eval(source, NONE)).isFalse();
    }

    // --- literals, variables, functions ---

    @Test
    public void literals() {
        assertThat(eval("true", NONE)).isTrue();
        assertThat(eval("false", NONE)).isFalse();
        assertThat(eval("null == null", NONE)).isTrue();
        assertThat(eval("12345 == 12345", NONE)).isTrue();
        assertThat(eval("1 != 2", NONE)).isTrue();
        assertThat(eval("\"blah\" == 'blah'", NONE)).isTrue();
        assertThat(eval("[\"master\", \"staging\"] == ['master', 'staging']", NONE)).isTrue();
        assertThat(eval("[] == []", NONE)).isTrue();
        assertThat(eval("/a/ == /a/", NONE)).isTrue();
        assertThat(eval("/a/ == /a/i", NONE)).isFalse();
    }

    @Test
    public void stringEscapes() {
        assertThat(eval("\"a\\\"b\" == 'a\"b'", NONE)).isTrue();
        assertThat(eval("\"tab\\there\" == \"tab\there\"", NONE)).isTrue();
        assertThat(eval("\"\\x41\\101\" == \"AA\"", NONE)).isTrue();
        assertThat(eval("\"\\\\\" == '\\\\'", NONE)).as("both quotes decode \\\\ to one backslash").isTrue();
        assertThat(eval("'it\\'s' == \"it's\"", NONE)).isTrue();
        assertThat(eval("'a\\nb' == \"a\\\\nb\"", NONE)).as("single quotes keep other escapes").isTrue();
        assertThat(eval("\"\\$HOME\" == '$HOME'", NONE)).as("\\$ is a literal dollar").isTrue();
        assertThat(eval("\"a$$b\" == 'a$b'", NONE)).as("$$ is a literal dollar").isTrue();
        assertThat(eval("\"$5\" == '$5'", NONE)).isTrue();
    }

    @Test
    public void buildVariables() {
        assertThat(eval("build.branch == \"release-v0.16.x\"", RELEASE)).isTrue();
        assertThat(eval("build.commit == \"abc123\"", RELEASE)).isTrue();
        assertThat(eval("build.number == 42", RELEASE)).isTrue();
        assertThat(eval("build.source == \"trigger_job\"", RELEASE)).isTrue();
        assertThat(eval("build.creator.name == \"Ann\" && build.creator.email == \"ann@example.org\"", RELEASE)).isTrue();
        assertThat(eval("build.creator.teams includes \"qa\"", RELEASE)).isTrue();
        assertThat(eval("build.creator.teams includes \"ops\"", RELEASE)).isFalse();
        assertThat(eval("build.creator.teams includes /^rel/", RELEASE)).isTrue();
        assertThat(eval("build.pull_request.id == null", RELEASE)).isTrue();
        assertThat(eval("build.state == null", RELEASE)).as("documented but unmodelled: null").isTrue();
        BuildContext pr = BuildContext.builder()
                .pullRequest(new PullRequest("123", Optional.of("develop"), Optional.of("git://fork"), Optional.of(true)))
                .pipelineSlug("kolibri").pipelineDefaultBranch("develop").pipelineRepository("git://kolibri")
                .organizationSlug("learningequality").id("uuid-1").build();
        assertThat(eval("build.pull_request.id == \"123\" && build.pull_request.base_branch == \"develop\"", pr)).isTrue();
        assertThat(eval("build.pull_request.repository == \"git://fork\" && build.pull_request.draft", pr)).isTrue();
        assertThat(eval("pipeline.slug == \"kolibri\" && pipeline.default_branch == \"develop\"", pr)).isTrue();
        assertThat(eval("pipeline.repository == \"git://kolibri\" && organization.slug == \"learningequality\"", pr)).isTrue();
        assertThat(eval("build.id == \"uuid-1\"", pr)).isTrue();
        assertThat(eval("build.pull_request.draft", NONE)).as("a null final result is false").isFalse();
    }

    @Test
    public void envFunctions() {
        assertThat(eval("env(\"LE_KOLIBRI_RELEASE\") == \"v0.16.0\"", RELEASE)).isTrue();
        assertThat(eval("env(\"UNSET\") == \"\"", NONE)).as("env() of an unset variable is \"\"").isTrue();
        assertThat(eval("build.env(\"UNSET\") == null", NONE)).as("build.env() of an unset variable is null").isTrue();
        assertThat(eval("build.env(\"EMPTY\") == \"\"", RELEASE)).as("set empty is \"\"").isTrue();
        assertThat(eval("build.env(\"EMPTY\") == null", RELEASE)).isFalse();
        assertThat(eval("build.env(\"BUILDKITE_TAG\") == build.tag", RELEASE)).isTrue();
        assertThat(eval("build.env(\"BUILDKITE_BRANCH\") == build.branch", RELEASE)).isTrue();
        assertThat(eval("build.env(\"BUILDKITE_PULL_REQUEST\") == \"false\"", RELEASE)).isTrue();
    }

    @Test
    public void dynamicEnvNames() {
        BuildContext context = BuildContext.builder().env("WHICH", "TARGET").env("TARGET", "yes").build();
        assertThat(eval("build.env($WHICH) == \"yes\"", context)).isTrue();
        assertThat(eval("env(\"${WHICH}\") == \"yes\"", context)).isTrue();
    }

    // --- operators ---

    @Test
    public void logicalOperatorsShortCircuitAndNullIsFalsy() {
        assertThat(eval("true && false", NONE)).isFalse();
        assertThat(eval("false || true", NONE)).isTrue();
        assertThat(eval("!false", NONE)).isTrue();
        assertThat(eval("!!true", NONE)).isTrue();
        assertThat(eval("!build.pull_request.draft", NONE)).as("!null is true").isTrue();
        assertThat(eval("build.pull_request.draft || true", NONE)).isTrue();
        assertThat(eval("false && build.env($MISSING) == \"x\"", NONE)).as("the right side is not evaluated").isFalse();
        assertThat(eval("true || ${MISSING?} == \"x\"", NONE)).isTrue();
    }

    @Test
    public void precedence() {
        assertThat(eval("true || false && false", NONE)).as("&& binds tighter than ||").isTrue();
        assertThat(eval("(true || false) && false", NONE)).isFalse();
        assertThat(eval("!false && false", NONE)).as("! binds tightest").isFalse();
        assertThat(eval("false ? false : true", NONE)).isTrue();
        assertThat(eval("true ? false : true", NONE)).isFalse();
        assertThat(eval("false ? true : false ? true : true", NONE)).as("?: is right-associative").isTrue();
        assertThat(eval("build.pull_request.id == null ? build.branch == \"develop\" : true", ORDINARY)).isTrue();
        assertThat(eval("build.pull_request.draft ? false : true", NONE)).as("a null condition takes the else branch").isTrue();
    }

    @Test
    public void regularExpressions() {
        assertThat(eval("build.tag =~ /^v/", RELEASE)).isTrue();
        assertThat(eval("build.tag !~ /^v/", RELEASE)).isFalse();
        assertThat(eval("build.branch =~ /^release-v\\d+\\.\\d+\\.x$/", RELEASE)).isTrue();
        assertThat(eval("build.message =~ /^release/", RELEASE)).isFalse();
        assertThat(eval("build.message =~ /^release/i", RELEASE)).isTrue();
        assertThat(eval("build.message =~ /v0\\.16/", RELEASE)).as("a match anywhere").isTrue();
        assertThat(eval("build.message !~ /\\[skip tests\\]/i", RELEASE)).isTrue();
        assertThat(eval("\"a/b\" =~ /a\\/b/", NONE)).isTrue();
        assertThat(eval("build.tag =~ /.*/", NONE)).as("null =~ /re/ is false").isFalse();
        assertThat(eval("build.tag !~ /.*/", NONE)).as("null !~ /re/ is true").isTrue();
    }

    @Test
    public void includes() {
        assertThat(eval("[\"develop\", \"main\"] includes build.branch", ORDINARY)).isTrue();
        assertThat(eval("[\"main\"] includes build.branch", ORDINARY)).isFalse();
        assertThat(eval("[\"main\"] includes build.tag", ORDINARY)).as("includes null is false").isFalse();
        assertThat(eval("build.creator.teams includes \"qa\"", NONE)).as("null includes x is false").isFalse();
        assertThat(eval("[] includes \"x\"", NONE)).isFalse();
    }

    @Test
    public void equalityOfDifferentTypesIsFalse() {
        assertThat(eval("build.tag == \"v1\"", NONE)).as("null == string").isFalse();
        assertThat(eval("build.tag != \"v1\"", NONE)).isTrue();
        assertThat(eval("build.number == null", NONE)).isTrue();
        assertThat(Evaluator.equal(1L, "1")).isFalse();
        assertThat(Evaluator.equal(true, "true")).isFalse();
        assertThat(Evaluator.equal(List.of("a"), "a")).isFalse();
    }

    @Test
    public void shellSubstitutions() {
        BuildContext context = BuildContext.builder().branch("main").env("branch", "main").env("EMPTY", "").build();
        assertThat(eval("$branch == \"main\"", context)).isTrue();
        assertThat(eval("${branch} == \"main\"", context)).isTrue();
        assertThat(eval("${nothing:-main} == \"main\"", context)).isTrue();
        assertThat(eval("${EMPTY:-x} == \"x\" && ${EMPTY-x} == \"\"", context)).isTrue();
        assertThat(eval("$nothing == null", context)).as("an unset standalone substitution is null").isTrue();
        assertThat(eval("${nothing} == null", context)).isTrue();
        assertThat(eval("\"deploy-${branch}\" == \"deploy-main\"", context)).isTrue();
        assertThat(eval("\"deploy-$nothing\" == \"deploy-\"", context)).as("unset inside a string is empty").isTrue();
        assertThat(eval("\"${branch:0:2}\" == 'ma'", context)).isTrue();
        assertThat(eval("${branch:+yes} == 'yes'", context)).isTrue();
        assertThat(eval("${BUILDKITE_BRANCH} == build.branch", context)).isTrue();
        assertThat(eval("'${branch}' == \"main\"", context)).as("no substitution in single quotes").isFalse();
        assertThat(eval("$branch.deploy == \"main.deploy\"", context)).isTrue();
    }

    @Test
    public void substitutionWordsFollowTheServersShellRules() {
        BuildContext context = BuildContext.builder().env("branch", "main").env("two", "2").env("empty", "")
                .env("tag", "v1").build();
        assertThat(eval("${branch:2:$two} == \"in\"", context)).isTrue();
        assertThat(eval("${branch:${empty:-1}:${two+2}} == \"ai\"", context)).isTrue();
        assertThat(eval("${branch:25:2} == \"\"", context)).isTrue();
        assertThat(eval("${branch: -1} == \"n\" && ${branch:1:2} == \"ai\" && ${branch:2} == \"in\"", context)).isTrue();
        assertThat(eval("${branch+xx} == \"xx\" && ${notset+xx} == \"\" && ${empty:+xx} == \"\"", context)).isTrue();
        assertThat(eval("${notset:2} == null", context)).as("a substring of an unset variable is null").isTrue();
        assertThat(eval("${notset-\\x41\\svalue} == \"A value\"", context)).isTrue();
        assertThat(eval("${notset-\"${branch}\"} == \"main\"", context)).isTrue();
        assertThat(eval("${notset-\"}\"} == \"}\"", context)).as("a quoted brace does not close").isTrue();
        assertThat(eval("${notset-'quoted fallback'} == \"quoted fallback\"", context)).isTrue();
        assertThat(eval("${notset-'$branch'} == '$branch'", context)).isTrue();
        assertThat(eval("${notset-$$x} == '$x'", context)).isTrue();
        assertThat(compile("${branch:3:$tag} == \"n\"").evaluate(context)).isEqualTo(new Evaluation.Failed(
                new ColumnError(1, "a substring offset or length must be a whole number, not \"v1\"")));
        assertInvalid("true && ${notset-\\400} == \"\"", 18, "the octal escape `\\400` is out of range");
        assertInvalid("${a:1:2:3} == \"\"", 1, "more than an offset and a length");
    }

    @Test
    public void includesFailsOnAnElementOfAnotherType() {
        Evaluation evaluation = compile("[build.tag] includes \"v1.0\"").evaluate(NONE);
        assertThat(evaluation).isEqualTo(new Evaluation.Failed(new ColumnError(13,
                "`includes` looks for a string but element 1 of the array is null")));
        assertThat(compile("[build.tag] includes /v/").evaluate(NONE)).isInstanceOf(Evaluation.Failed.class);
        assertThat(eval("[build.tag] includes \"v1\"", BuildContext.builder().tag("v1").build())).isTrue();
    }

    @Test
    public void comments() {
        assertThat(eval("build.tag != null // release only", RELEASE)).isTrue();
        assertThat(eval("// leading\nbuild.tag != null // a\n // b\n", RELEASE)).isTrue();
        assertThat(eval("build.tag =~ /^v\\//", BuildContext.builder().tag("v/1").build())).isTrue();
    }

    @Test
    public void requiredSubstitutionFailsAtEvaluationWithItsColumn() {
        Evaluation evaluation = compile("true && ${NEEDED?} == \"x\"").evaluate(NONE);
        assertThat(evaluation).isEqualTo(new Evaluation.Failed(new ColumnError(9, "$NEEDED: not set")));
        Evaluation inString = compile("\"a ${NEEDED?is required}\" == 'x'").evaluate(NONE);
        assertThat(inString).isEqualTo(new Evaluation.Failed(new ColumnError(4, "$NEEDED: is required")));
    }

    /**
     * {@code (a+)+$} against {@code aaaa...a!} backtracks exponentially in a backtracking engine (it would not end
     * in our lifetime); RE2/J is linear. The timeout guards against catastrophic backtracking, not a speed target.
     */
    @Test(timeout = 1000)
    public void linearTimeRegularExpressions() {
        BuildContext hostile = BuildContext.builder().message("a".repeat(10_000) + "!").build();
        assertThat(compile("build.message =~ /(a+)+$/").evaluate(hostile)).isEqualTo(new Evaluation.Decided(false));
        assertThat(compile("build.message =~ /(a+)+!$/").evaluate(hostile)).isEqualTo(new Evaluation.Decided(true));
    }

    // --- errors ---

    @Test
    public void aBareNameIsNotAVariable() {
        assertInvalid("LE_KOLIBRI_RELEASE != \"false\"", 1, "`LE_KOLIBRI_RELEASE` is not a variable");
        assertThat(invalid("LE_KOLIBRI_RELEASE != \"false\"").message()).contains("build.env(\"LE_KOLIBRI_RELEASE\")");
        assertInvalid("build.tag != null && build.tagg == null", 22, "`build.tagg` is not a variable");
    }

    @Test
    public void aBareWordComparedWithIsTextThatLacksItsQuotes() {
        assertThat(invalid("build.branch == develop").message()).isEqualTo("`develop` is not a variable: to compare"
                + " with the text, quote it: `build.branch == \"develop\"`");
        assertThat(invalid("build.branch == develop").column()).isEqualTo(17);
        assertThat(invalid("build.env(\"X\") != RELEASE").message()).isEqualTo("`RELEASE` is not a variable: to"
                + " compare with the text, quote it: `build.env(\"X\") != \"RELEASE\"`; to read an environment"
                + " variable use `build.env(\"RELEASE\")`");
    }

    @Test
    public void unknownFunctions() {
        assertInvalid("build.tag != null && envv(\"X\") == \"\"", 22, "`envv` is not a function");
        assertInvalid("env() == \"\"", 1, "takes one argument");
        assertInvalid("env(\"A\", \"B\") == \"\"", 1, "takes one argument");
        assertInvalid("env(1) == \"\"", 5, "takes a variable name as a string");
        assertInvalid("build.tag(\"x\") == \"\"", 1, "`build.tag` is not a function");
        assertInvalid("(true)(1)", 7, "cannot be called");
    }

    @Test
    public void envArgumentsMustBeVariableNames() {
        assertInvalid("build.env('$X') == \"\"", 11, "did you mean \"X\"");
        assertInvalid("build.env('A B') == \"\"", 11, "not an environment variable name");
        assertInvalid("env(\"BUILDKITE_BUILD_ID\") == \"\"", 5, "cannot be read by a condition");
    }

    @Test
    public void theResultMustBeABoolean() {
        assertInvalid("build.tag", 1, "a condition must be true or false, but `build.tag` is a string");
        assertInvalid("build.env(\"X\")", 1, "`build.env(\"X\")` is a string");
        assertInvalid("build.number", 1, "is a number");
        assertInvalid("\"true\"", 1, "is a string");
        assertInvalid("null", 1, "is null");
        assertInvalid("[\"a\"]", 1, "is a string array");
        assertInvalid("true ? \"a\" : \"b\"", 1, "is a string");
    }

    @Test
    public void typeErrors() {
        assertInvalid("build.number == \"42\"", 17, "`build.number` is a number but `\"42\"` is a string");
        assertInvalid("build.tag == 1", 14, "needs values of the same type");
        assertInvalid("build.tag == true", 14, "same type");
        assertInvalid("build.source == \"trigger_jb\"", 17, "\"trigger_jb\" is not a valid `build.source`");
        assertInvalid("build.tag && true", 1, "`&&` needs a boolean here, but `build.tag` is a string");
        assertInvalid("true || build.tag", 9, "`||` needs a boolean");
        assertInvalid("!build.tag", 2, "expected a boolean, but `build.tag` is a string");
        assertInvalid("build.tag =~ \"v\"", 14, "`=~` needs a regular expression");
        assertInvalid("build.number =~ /1/", 1, "`=~` needs a string or null");
        assertInvalid("build.tag includes \"v\"", 1, "`includes` needs a string array or null");
        assertInvalid("[\"a\"] includes 1", 16, "`includes` looks for a string");
        assertInvalid("[\"a\", 1] == []", 7, "an array holds strings");
        assertInvalid("build.tag ? true : false", 1, "expected a boolean");
        assertInvalid("true ? 1 : \"a\"", 12, "same type");
        assertInvalid("build.source =~ /x/", 1, "`=~` needs a string or null here, but `build.source` is a build.source value");
    }

    @Test
    public void syntaxErrors() {
        assertInvalid("", 1, "the condition is empty");
        assertInvalid("   // just a comment", 1, "the condition is empty");
        assertInvalid("build.tag = \"v1\"", 11, "`=` is not an operator: compare with `==`");
        assertInvalid("true & false", 6, "use `&&`");
        assertInvalid("true | false", 6, "use `||`");
        assertInvalid("build.tag != null &&", 21, "the condition ends early");
        assertInvalid("(build.tag != null", 19, "expected `)` to close the `(` at column 1");
        assertInvalid("build.tag != null)", 18, "unexpected `)`");
        assertInvalid("build.tag != null build.branch", 19, "unexpected `build.branch`");
        assertInvalid("build.tag == \"v1", 14, "has no closing \"");
        assertInvalid("build.tag == 'v1", 14, "has no closing '");
        assertInvalid("build.tag =~ /^v", 14, "no closing `/`");
        assertInvalid("build.tag =~ /(/", 14, "is not a valid regular expression");
        assertInvalid("build.tag =~ /v/x", 14, "`x` is not a supported flag");
        assertInvalid("build.tag =~ /(?<=a)b/", 14, "is not a valid regular expression");
        assertInvalid("build.tag == @", 14, "unexpected character `@`");
        assertInvalid("build..tag == null", 1, "`build..tag` is not a valid name");
        assertInvalid("build.tag. == null", 1, "is not a valid name");
        assertInvalid("true ? true", 12, "expected `:`");
        assertInvalid("[\"a\" \"b\"] == []", 6, "expected `]` or `,`");
        assertInvalid("99999999999999999999 == 1", 1, "too large a number");
        assertInvalid("== null", 1, "expected a value, found `==`");
        assertInvalid("$ == \"\"", 1, "`$` must start a substitution");
        assertInvalid("${X == \"\"", 1, "is not closed");
        assertInvalid("true && ${X!} == \"\"", 9, "`!` is not a substitution operator");
        assertInvalid("\"a ${} b\" == \"\"", 4, "`${}` names no variable");
        assertInvalid("true && \"a ${X:y}\" == \"\"", 12, "substring offset `y`");
        assertInvalid("\"ok \\777\" == \"\"", 5, "the octal escape `\\777` is out of range");
    }

    @Test
    public void hostilelyDeepConditionsAreRejectedNotOverflowingTheStack() {
        assertThat(invalid("(".repeat(100_000) + "true" + ")".repeat(100_000)).message()).contains("too long");
        assertThat(invalid("!".repeat(100_000) + "true").message()).contains("too long");
        assertThat(invalid("true" + " && true".repeat(100_000)).message()).contains("too long");
        assertThat(eval("true" + " && true".repeat(200), NONE)).isTrue();
    }

    @Test
    public void checkLocatesErrorsInsideTheValue() {
        SourceLocation value = new SourceLocation(".buildkite/pipeline.yml", 7, 9);
        assertThat(Condition.check("build.tag != null", value)).isEmpty();
        assertThat(Condition.check("LE_KOLIBRI_RELEASE != \"false\"", value)).singleElement()
                .satisfies(d -> assertThat(d.format()).startsWith(
                        ".buildkite/pipeline.yml:7:9: error: `LE_KOLIBRI_RELEASE` is not a variable"));
        assertThat(Condition.check("build.tag != null && build.tagg == null", value)).singleElement()
                .satisfies(d -> assertThat(d.location()).isEqualTo(new SourceLocation(".buildkite/pipeline.yml", 7, 30)));
    }

    @Test
    public void aCompiledConditionIsReusableAcrossContexts() {
        Condition gate = compile("build.env(\"LE_KOLIBRI_RELEASE\") == \"false\"");
        assertThat(gate.evaluate(ORDINARY)).isEqualTo(new Evaluation.Decided(true));
        assertThat(gate.evaluate(RELEASE)).isEqualTo(new Evaluation.Decided(false));
        assertThat(gate.source()).isEqualTo("build.env(\"LE_KOLIBRI_RELEASE\") == \"false\"");
    }
}
