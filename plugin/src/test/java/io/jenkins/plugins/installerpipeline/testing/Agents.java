package io.jenkins.plugins.installerpipeline.testing;

import hudson.model.Node;
import hudson.slaves.DumbSlave;
import hudson.slaves.RetentionStrategy;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.SimpleCommandLauncher;

/** Agents for tests: a separate JVM on this machine, connected over its standard input and output. */
public final class Agents {

    private Agents() {}

    /**
     * A new online agent with {@code label}, its own root directory and one executor. Started, as
     * {@code JenkinsRule.createOnlineSlave} does, from the agent jar the Jenkins war serves; a war built without it
     * (the Jenkins compiled from source for these tests) has none, and then the agent runs from this JVM's own class
     * path, which holds the same remoting classes and their libraries.
     */
    public static DumbSlave online(JenkinsRule r, String label) throws Exception {
        String classPath;
        try {
            classPath = Path.of(r.jenkins.getJnlpJars("remoting.jar").getURL().toURI()).toString();
        } catch (IOException | URISyntaxException e) {
            classPath = System.getProperty("java.class.path");
        }
        String java = System.getProperty("java.home") + "/bin/java";
        DumbSlave agent = new DumbSlave("agent-" + label, r.createTmpDir().getPath(), new SimpleCommandLauncher(
                "\"" + java + "\" -Djava.awt.headless=true -Xmx512m -cp \"" + classPath + "\" hudson.remoting.Launcher"));
        agent.setLabelString(label);
        agent.setNumExecutors(1);
        agent.setMode(Node.Mode.EXCLUSIVE);
        agent.setRetentionStrategy(RetentionStrategy.NOOP);
        r.jenkins.addNode(agent);
        r.waitOnline(agent);
        return agent;
    }
}
