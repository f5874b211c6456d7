package io.jenkins.plugins.installerpipeline.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.installerpipeline.plan.InlineTriggers.InlineTrigger;
import io.jenkins.plugins.installerpipeline.plan.InlineTriggers.Parsed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Inline triggerInstallers entries: what a Jenkinsfile may write, and the messages for what it may not. */
public class InlineTriggersTest {

    private static List<InlineTrigger> valid(List<Map<String, Object>> entries) {
        Parsed parsed = InlineTriggers.parse("installers", entries);
        assertThat(parsed).isInstanceOf(Parsed.Valid.class);
        return ((Parsed.Valid) parsed).triggers();
    }

    private static List<String> problems(List<Map<String, Object>> entries) {
        Parsed parsed = InlineTriggers.parse("installers", entries);
        assertThat(parsed).isInstanceOf(Parsed.Invalid.class);
        return ((Parsed.Invalid) parsed).problems();
    }

    @Test
    public void anEntryNeedsOnlyAJobWhichIsAlsoItsKeyAndLabel() {
        InlineTrigger t = valid(List.of(Map.of("job", " kolibri-windows "))).get(0);
        assertThat(t.key()).isEqualTo("kolibri-windows");
        assertThat(t.label()).isEqualTo("kolibri-windows");
        assertThat(t.job()).isEqualTo("kolibri-windows");
        assertThat(t.branch()).isEmpty();
        assertThat(t.dependsOn()).isEmpty();
        assertThat(t.async()).isFalse();
    }

    @Test
    public void valuesAreKeptAsWrittenWithDependenciesByKeyOrMap() {
        Map<String, Object> deb = new LinkedHashMap<>(Map.of("job", "kolibri-debian", "key", "deb", "async", true));
        Map<String, Object> pi = new LinkedHashMap<>();
        pi.put("job", "kolibri-raspbian");
        pi.put("label", "Raspberry Pi image");
        pi.put("branch", "release-v0.17.x");
        pi.put("env", Map.of("LE_KOLIBRI_RELEASE", false));
        pi.put("metaData", Map.of("channel", "beta"));
        pi.put("dependsOn", List.of("deb", Map.of("key", "win", "allowFailure", "true")));
        Map<String, Object> win = Map.of("job", "kolibri-windows", "key", "win");
        List<InlineTrigger> triggers = valid(List.of(deb, pi, win));
        assertThat(triggers.get(0).async()).isTrue();
        InlineTrigger t = triggers.get(1);
        assertThat(t.label()).isEqualTo("Raspberry Pi image");
        assertThat(t.branch()).contains("release-v0.17.x");
        assertThat(t.env()).containsEntry("LE_KOLIBRI_RELEASE", "false");
        assertThat(t.metaData()).containsEntry("channel", "beta");
        assertThat(t.dependsOn()).containsExactly("deb", "win");
        assertThat(t.allowedToFail()).containsExactly("win");
        assertThat(valid(List.of(Map.of("job", "a"), Map.of("job", "b", "dependsOn", "a"))).get(1).dependsOn())
                .containsExactly("a");
    }

    @Test
    public void everyProblemIsReportedNamingTheEntryAndTheField() {
        assertThat(problems(List.of(Map.of("job", "a", "env", "X=1", "async", "yes"), Map.of("label", "no job"))))
                .containsExactly("installers[0]: env must be a map such as [LE_KOLIBRI_RELEASE: 'false']",
                        "installers[0]: async must be true or false, not 'yes'",
                        "installers[1]: job is required, such as [job: 'kolibri-windows']");
    }

    @Test
    public void keysAreUniqueAndDependenciesNameAnotherEntry() {
        assertThat(problems(List.of(Map.of("job", "a"), Map.of("job", "a"))))
                .containsExactly("two installers have the key a: give each a distinct key (for example key: 'a-2')");
        assertThat(problems(List.of(Map.of("job", "a", "dependsOn", "deb"))))
                .containsExactly("installer a: dependsOn deb is not the key of another entry (keys: a)");
        assertThat(problems(List.of(Map.of("job", "a", "dependsOn", "a"))))
                .containsExactly("installer a: dependsOn names the installer itself");
        assertThat(problems(List.of(Map.of("job", "a", "dependsOn", List.of(Map.of("allowFailure", true))))))
                .containsExactly("installers[0]: each map in dependsOn needs a key, such as [key: 'kolibri-debian', allowFailure: true]");
    }
}
