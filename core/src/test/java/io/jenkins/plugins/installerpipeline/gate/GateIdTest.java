package io.jenkins.plugins.installerpipeline.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.Test;

/** The gate id rule is the input step's own: what it accepts and refuses, and the message naming the value. */
public class GateIdTest {

    @Test
    public void acceptsWhatTheInputStepAccepts() {
        for (String id : List.of("ReleaseGate", "Build-Pi", "a.b", "x_1~!$()*+,:@=", "...")) {
            assertThat(GateId.problem(id)).as(id).isEmpty();
        }
    }

    @Test
    public void refusesWhatTheInputStepRefusesNamingTheValue() {
        for (String id : List.of(".", "..", "release gate", "a/b", "a;b", "a&b", "it's", "a%20b", "a#b", "naïve")) {
            assertThat(GateId.problem(id)).as(id)
                    .hasValueSatisfying(m -> assertThat(m).startsWith("id '" + id + "' cannot be part of the gate's URL"));
        }
    }

    @Test
    public void absentOrBlankMeansTheDefault() {
        assertThat(GateId.problem(null)).isEmpty();
        assertThat(GateId.problem("  ")).isEmpty();
        assertThat(GateId.DEFAULT).isEqualTo("ReleaseGate");
    }
}
