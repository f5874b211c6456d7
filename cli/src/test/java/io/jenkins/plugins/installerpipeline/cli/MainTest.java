package io.jenkins.plugins.installerpipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.Test;

/** The command line set up for one command answers as the one set up with every command. */
public class MainTest {

    @Test
    public void oneCommandIsSetUpWhenTheArgumentsNameIt() {
        assertThat(Main.commandLine("validate", "x.yml").getSubcommands()).containsOnlyKeys("validate");
        assertThat(Main.commandLine("help").getSubcommands()).hasSize(8);
        assertThat(Main.commandLine("valdate").getSubcommands()).hasSize(8);
        assertThat(Main.commandLine().getSubcommands()).containsOnlyKeys("help", "validate", "eval", "interpolate",
                "plan", "convert", "manifest", "publish");
    }

    @Test
    public void answersAreTheSameAsWithEveryCommand() {
        for (List<String> args : List.<List<String>>of(List.of(), List.of("--help"), List.of("--version"), List.of("help"),
                List.of("help", "plan"), List.of("valdate", "x.yml"), List.of("validate"),
                List.of("validate", "--help"), List.of("validate", "no-such-file.yml"), List.of("plan", "--nope"),
                List.of("eval", "build.tag != null", "--tag", "v1"), List.of("interpolate", "${A:-b}"),
                List.of("manifest"), List.of("publish", "--tag", "v1"), List.of("convert", "--style", "x", "f"))) {
            String[] a = args.toArray(new String[0]);
            assertThat(CommandRun.of(Main.commandLine(a), a)).as(String.join(" ", args))
                    .isEqualTo(CommandRun.of(Main.commandLine(), a));
        }
    }
}
