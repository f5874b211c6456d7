package io.jenkins.plugins.installerpipeline.testing;

import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import java.util.Map;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.support.steps.input.InputAction;
import org.jenkinsci.plugins.workflow.support.steps.input.InputStepExecution;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import hudson.model.Item;
import jenkins.model.Jenkins;

/** Approving approval gates in tests as a person does: as a named user, with the input step's own checks. */
public final class Gates {

    /** The gate's input id ({@code blockUnlessTag}'s default). */
    public static final String GATE = "ReleaseGate";

    private Gates() {}

    /**
     * Users log in with their name as password; {@code testers} may read and build everything, "admin" administers.
     * Saved, so it holds after a restart too.
     */
    public static void testers(JenkinsRule r, String... testers) throws java.io.IOException {
        r.jenkins.setSecurityRealm(r.createDummySecurityRealm());
        r.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, Item.READ, Item.BUILD, Item.DISCOVER).everywhere().to(testers));
        r.jenkins.save();
    }

    /** The open gate of a build, once it is open. */
    public static InputStepExecution gate(WorkflowRun run) throws Exception {
        Await.await("the gate of " + run + " is open", () -> {
            InputAction input = run.getAction(InputAction.class);
            try {
                return input != null && input.getExecution(GATE) != null;
            } catch (Exception e) {
                return false;
            }
        });
        return run.getAction(InputAction.class).getExecution(GATE);
    }

    /** Approves the gate of {@code run} as {@code user}, after the input step's own permission check. */
    public static void approve(WorkflowRun run, String user) throws Exception {
        InputStepExecution gate = gate(run);
        try (ACLContext ignored = ACL.as2(User.getById(user, true).impersonate2())) {
            gate.preSubmissionCheck();
            gate.proceed((Map<String, Object>) null);
        }
    }
}
