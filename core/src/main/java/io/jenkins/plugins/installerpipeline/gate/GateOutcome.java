package io.jenkins.plugins.installerpipeline.gate;

import java.util.Objects;

/** What the gate decided for one build; each outcome carries the sentence printed to the build's console. */
public sealed interface GateOutcome permits GateOutcome.Pause, GateOutcome.Proceed, GateOutcome.Invalid {

    /** The sentence for the console: why the build waits, why it does not, or what is wrong. */
    String reason();

    /** The build waits for a person. @param reason why, naming the fact that decided it */
    record Pause(String reason) implements GateOutcome {
        public Pause {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The build goes on at once. @param reason why, naming the fact that decided it */
    record Proceed(String reason) implements GateOutcome {
        public Proceed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The gate's condition is not usable; the step fails with this. @param reason the condition and the error */
    record Invalid(String reason) implements GateOutcome {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
