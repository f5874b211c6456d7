package io.jenkins.plugins.installerpipeline.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Test helpers: read a YAML text block as {@code p.yml}. */
final class Yaml {
    private Yaml() {}

    static ReadResult read(String text) {
        return DefinitionReader.read("p.yml", text);
    }

    static PipelineDefinition valid(String text) {
        ReadResult result = read(text);
        assertThat(result.diagnostics().errors()).as("errors").isEmpty();
        return result.definition().orElseThrow();
    }

    static Step only(String text) {
        List<Step> steps = valid(text).steps();
        assertThat(steps).hasSize(1);
        return steps.get(0);
    }

    /** The formatted diagnostics, one string each. */
    static List<String> diagnostics(String text) {
        return read(text).diagnostics().all().stream().map(d -> d.format()).toList();
    }
}
