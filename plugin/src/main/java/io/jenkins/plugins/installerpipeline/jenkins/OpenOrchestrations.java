package io.jenkins.plugins.installerpipeline.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.XmlFile;
import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.model.Run;
import hudson.model.Saveable;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;

/**
 * The package builds whose installer builds have not all finished, by externalizable id, kept in
 * {@code JENKINS_HOME/io.jenkins.plugins.installerpipeline.jenkins.OpenOrchestrations.xml}. When Jenkins starts, each
 * record is brought up to date with its builds ({@link InstallerEvents#reconcileAll}): events lost while Jenkins
 * stopped (an installer build that finished, a queue item cancelled) are caught up, and triggers waiting for a
 * dependency are scheduled, also when the package build itself has long finished (its {@code triggerInstallers} step,
 * which would do this on resume, returned without {@code wait}).
 */
@Extension
public final class OpenOrchestrations implements Saveable {

    private static final Logger LOGGER = Logger.getLogger(OpenOrchestrations.class.getName());

    private final LinkedHashSet<String> builds = new LinkedHashSet<>();
    private transient boolean loaded;

    /** The extension. */
    public static @NonNull OpenOrchestrations get() {
        return ExtensionList.lookupSingleton(OpenOrchestrations.class);
    }

    /** Remembers the record's build while it has unfinished installer builds, forgets it once it has none. */
    synchronized void update(@NonNull InstallerRunsAction record) {
        Run<?, ?> run = record.getRun();
        if (run == null) {
            return;
        }
        load();
        boolean open = record.getBuilds().stream().anyMatch(b -> !b.getState().isFinished());
        String id = run.getExternalizableId();
        if (open ? builds.add(id) : builds.remove(id)) {
            save();
        }
    }

    private synchronized List<String> snapshot() {
        load();
        return new ArrayList<>(builds);
    }

    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        XmlFile file = file();
        if (file.exists()) {
            try {
                file.unmarshal(this);
            } catch (IOException e) {
                LOGGER.log(Level.WARNING, "Could not read " + file, e);
            }
        }
    }

    @Override
    public synchronized void save() {
        try {
            file().write(this);
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Could not save the open installer orchestrations", e);
        }
    }

    private static XmlFile file() {
        return new XmlFile(Jenkins.XSTREAM2, new File(Jenkins.get().getRootDir(), OpenOrchestrations.class.getName() + ".xml"));
    }

    /** Once the jobs are loaded: catches every open record up, on the plugin's event threads. */
    @Initializer(after = InitMilestone.JOB_CONFIG_ADAPTED)
    public static void reconcileAtStart() {
        for (String id : get().snapshot()) {
            InstallerExecutors.get().event("catch-up of " + id, () -> {
                InstallerRunsAction record = Builds.asSystem(id).map(r -> r.getAction(InstallerRunsAction.class))
                        .orElse(null);
                if (record == null) {
                    get().forget(id);
                    return;
                }
                InstallerEvents.reconcileAll(record);
            });
        }
    }

    private synchronized void forget(String id) {
        if (builds.remove(id)) {
            save();
        }
    }
}
