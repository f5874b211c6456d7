package io.jenkins.plugins.installerpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.Test;

public class EvalAndInterpolateCommandTest {

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }



    @Test
    public void evalPrintsExactlyTrueOrFalse() {
        assertThat(run("eval", "build.tag != null", "--tag", "v0.16.0")).isEqualTo(new CommandRun(0, "true\n", ""));
        assertThat(run("eval", "build.tag != null")).isEqualTo(new CommandRun(0, "false\n", ""));
    }

    @Test
    public void evalReadsEveryContextOption() {
        String gate = "build.source == \"trigger_job\" && build.env(\"LE_KOLIBRI_RELEASE\") == \"false\"";
        assertThat(run("eval", gate, "--source", "trigger_job", "--env", "LE_KOLIBRI_RELEASE=false").out())
                .isEqualTo("true\n");
        assertThat(run("eval", gate, "--source", "ui", "--env", "LE_KOLIBRI_RELEASE=false").out()).isEqualTo("false\n");
        assertThat(run("eval", "build.branch == \"develop\" && build.commit == \"abc\" && build.message =~ /typo/"
                + " && build.pull_request.id == \"12\" && pipeline.slug == \"kolibri\"",
                "--branch", "develop", "--commit", "abc", "--message", "Fix a typo", "--pull-request", "12",
                "--pipeline", "kolibri").out()).isEqualTo("true\n");
        assertThat(run("eval", "build.env(\"A\") == \"x=y\" && build.env(\"B\") == \"\"", "--env", "A=x=y", "--env", "B=")
                .out()).isEqualTo("true\n");
    }

    @Test
    public void anInvalidExpressionPrintsTheErrorWithItsColumnAndExitsOne() {
        CommandRun run = run("eval", "LE_KOLIBRI_RELEASE != \"false\"");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("error: column 1: `LE_KOLIBRI_RELEASE` is not a variable")
                .contains("  LE_KOLIBRI_RELEASE != \"false\"\n  ^\n");
        CommandRun typo = run("eval", "build.tag != null && build.tagg == null");
        assertThat(typo.exit()).isEqualTo(1);
        assertThat(typo.err()).startsWith("error: column 22: `build.tagg` is not a variable");
        assertThat(run("eval", "build.tag").exit()).isEqualTo(1);
    }

    @Test
    public void anEvaluationErrorExitsOne() {
        CommandRun run = run("eval", "${RELEASE_TAG?} == \"x\"");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: column 1: $RELEASE_TAG: not set");
    }

    @Test
    public void interpolatePrintsTheExpansion() {
        assertThat(run("interpolate", "${BUILDKITE_TAG:-false}")).isEqualTo(new CommandRun(0, "false\n", ""));
        assertThat(run("interpolate", "${BUILDKITE_TAG:-false}", "--tag", "v0.16.0")).isEqualTo(new CommandRun(0, "v0.16.0\n", ""));
        assertThat(run("interpolate", "$BUILDKITE_BRANCH/$$X/${NAME: -3}", "--branch", "develop", "--env", "NAME=kolibri")
                .out()).isEqualTo("develop/$X/bri\n");
        assertThat(run("interpolate", "${BUILDKITE_TAG:-false}", "--env", "BUILDKITE_TAG=forged").out())
                .as("the context owns BUILDKITE_TAG").isEqualTo("false\n");
    }

    @Test
    public void anExpansionErrorExitsOne() {
        CommandRun malformed = run("interpolate", "tag: ${BUILDKITE_TAG");
        assertThat(malformed.exit()).isEqualTo(1);
        assertThat(malformed.err()).startsWith("error: column 6: `${BUILDKITE_TAG` is not closed");
        CommandRun required = run("interpolate", "${BUILDKITE_TAG?a release needs a tag}");
        assertThat(required.exit()).isEqualTo(1);
        assertThat(required.err()).startsWith("error: column 1: $BUILDKITE_TAG: a release needs a tag");
    }

    @Test
    public void aBareWordComparedWithAsksForQuotes() {
        CommandRun run = run("eval", "build.branch == develop");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error: column 17: `develop` is not a variable: to compare with the text,"
                + " quote it: `build.branch == \"develop\"`\n  build.branch == develop\n                  ^\n");
    }

    @Test
    public void helpShowsTheExampleAsWrittenAndTheExitCodes() {
        String interpolate = run("interpolate", "--help").out();
        assertThat(interpolate).contains("(e.g. '${BUILDKITE_TAG:-false}')").doesNotContain("(e.g. 'false')")
                .contains("Exit codes:");
        assertThat(run("eval", "--help").out()).contains("Exit codes:").contains("1   the expression is invalid");
    }

    @Test
    public void usageErrorsPrintTheErrorAndWhereHelpIs() {
        CommandRun run = run("interpolate", "x", "--env", "NOVALUE");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: Invalid value for option '--env' (NAME=VALUE): 'NOVALUE' has no '='\n"
                + "See 'installer-pipeline interpolate --help'.\n");
        assertThat(run("eval").err()).isEqualTo("error: Missing required parameter: 'EXPRESSION'\n"
                + "See 'installer-pipeline eval --help'.\n");
    }

    @Test
    public void interpolationShowsRunTimeValuesAsPlaceholders() {
        assertThat(run("interpolate", "${BUILDKITE_BUILD_ID}").out()).isEqualTo("<build id, set when the build runs>\n");
        assertThat(run("interpolate", "${BUILDKITE_BUILD_NUMBER}", "--build-number", "42").out()).isEqualTo("42\n");
    }

    @Test
    public void usageErrorsExitTwo() {
        assertThat(run("eval").exit()).isEqualTo(2);
        assertThat(run("eval", "true", "--source", "cron").exit()).isEqualTo(2);
        assertThat(run("eval", "true", "--source", "cron").err()).contains("'cron' is not a build source");
        assertThat(run("interpolate", "x", "--env", "NOVALUE").exit()).isEqualTo(2);
        assertThat(run("interpolate").exit()).isEqualTo(2);
    }
}
