package io.jenkins.plugins.installerpipeline.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.jenkins.plugins.installerpipeline.context.BuildContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Triggered pipelines that were asked for are planned from .yml or .yaml, or named as not planned, with why. */
public class ChildDefinitionTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final String PACKAGE = "steps:\n"
            + "  - trigger: kolibri-debian\n"
            + "  - trigger: kolibri-windows\n"
            + "  - trigger: kolibri-macos\n"
            + "    if: build.tag == null\n";
    private static final String GATED = "steps:\n  - block: Build?\n  - command: make\n";

    private Orchestration orchestrate(BuildContext context, Optional<Path> dir, Map<String, Path> explicit)
            throws Exception {
        Plan plan = Planner.plan("package.yml", PACKAGE, context).plan().orElseThrow();
        return Orchestration.of(plan, context, ChildDefinition.lookup(dir, explicit)).orchestration().orElseThrow();
    }

    @Test
    public void aYamlFileIsReadLikeAYmlFileAndAMissingOneIsNamed() throws Exception {
        Path dir = tmp.getRoot().toPath();
        Files.writeString(dir.resolve("kolibri-debian.yml"), GATED);
        Files.writeString(dir.resolve("kolibri-windows.yaml"), GATED);
        Orchestration o = orchestrate(BuildContext.empty(), Optional.of(dir), Map.of());

        assertThat(o.triggered()).containsOnlyKeys("kolibri-debian", "kolibri-windows");
        assertThat(o.triggered().get("kolibri-windows").hasApprovalGate()).isTrue();
        assertThat(o.notPlanned()).containsExactly(
                entry("kolibri-macos", "no kolibri-macos.yml or kolibri-macos.yaml in " + dir));
        assertThat(o.toMap()).containsKey("not_planned");
    }

    @Test
    public void aTriggerNotInThisBuildOrNotAskedForIsNotReported() throws Exception {
        Path debian = tmp.newFile("debian.yml").toPath();
        Files.writeString(debian, GATED);
        Orchestration o = orchestrate(BuildContext.builder().tag("v1").build(), Optional.empty(),
                Map.of("kolibri-debian", debian));

        assertThat(o.triggered()).containsOnlyKeys("kolibri-debian");
        assertThat(o.notPlanned()).isEmpty();
        assertThat(o.toMap()).doesNotContainKey("not_planned");
    }
}
