package io.jenkins.plugins.installerpipeline.testing;

import hudson.model.Node;
import hudson.remoting.Which;
import hudson.slaves.DumbSlave;
import hudson.slaves.RetentionStrategy;
import hudson.slaves.SimpleCommandLauncher;
import java.io.File;
import org.jvnet.hudson.test.JenkinsRule;

/** Agents for tests: a separate JVM on this machine, connected over its standard input and output. */
public final class Agents {

    private Agents() {}

    /**
     * A new online agent with {@code label}, its own root directory and one executor. Started from the remoting jar
     * on the test class path (the same jar the agent would download), because {@code JenkinsRule.createOnlineSlave}
     * looks for it in the Jenkins war, and a war built without it has none.
     */
    public static DumbSlave online(JenkinsRule r, String label) throws Exception {
        File remoting = Which.jarFile(hudson.remoting.Launcher.class);
        String java = System.getProperty("java.home") + "/bin/java";
        DumbSlave agent = new DumbSlave("agent-" + label, r.createTmpDir().getPath(), new SimpleCommandLauncher(
                "\"" + java + "\" -Djava.awt.headless=true -Xmx512m -cp \"" + remoting + "\" hudson.remoting.Launcher"));
        agent.setLabelString(label);
        agent.setNumExecutors(1);
        agent.setMode(Node.Mode.EXCLUSIVE);
        agent.setRetentionStrategy(RetentionStrategy.NOOP);
        r.jenkins.addNode(agent);
        r.waitOnline(agent);
        return agent;
    }
}
