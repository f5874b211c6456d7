package io.jenkins.plugins.installerpipeline.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.installerpipeline.definition.DefinitionReader;
import io.jenkins.plugins.installerpipeline.definition.PipelineDefinition;
import io.jenkins.plugins.installerpipeline.diagnostic.SourceLocation;
import org.junit.Test;

public class SourceTextTest {

    private static final String TEXT = """
            env:
              MODE: "release"
            steps:
              - label: first
                command: "echo \\"$$HOME\\""
              - label: second
                command: echo "$$HOME"
            """;

    private final PipelineDefinition definition = DefinitionReader.read("pipeline.yml", TEXT).definition().orElseThrow();
    private final SourceText source = new SourceText(definition, TEXT);

    @Test
    public void aLineIsFoundWhereItIsWritten() {
        assertThat(source.find("echo \"$$HOME\"", 6)).isEqualTo(new SourceLocation("pipeline.yml", 7, 14));
    }

    @Test
    public void aLineWrittenWithEscapesIsPlacedAtItsOwnStepNotAtALaterStepThatHasIt() {
        // The first step's command reads 'echo "$$HOME"' once decoded, which line 5 does not hold as written; line 7
        // (the second step) does, but naming it would point the user at the wrong step.
        assertThat(source.find("echo \"$$HOME\"", 4)).isEqualTo(new SourceLocation("pipeline.yml", 4, 1));
    }

    @Test
    public void theTopLevelEnvIsSearchedAnywhere() {
        assertThat(source.findAnywhere("MODE: \"release\"", 1)).isEqualTo(new SourceLocation("pipeline.yml", 2, 3));
    }

    @Test
    public void crlfLineBreaksAreLineBreaks() {
        String crlf = TEXT.replace("\n", "\r\n");
        SourceText text = new SourceText(DefinitionReader.read("pipeline.yml", crlf).definition().orElseThrow(), crlf);
        assertThat(text.find("echo \"$$HOME\"", 6)).isEqualTo(new SourceLocation("pipeline.yml", 7, 14));
        assertThat(text.lineOfKey("steps")).isEqualTo(3);
    }
}
