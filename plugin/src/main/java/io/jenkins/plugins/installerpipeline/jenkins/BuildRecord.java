package io.jenkins.plugins.installerpipeline.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.Run;
import java.io.IOException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;

/**
 * A record shown on a build's page (installer builds, their artifacts, release assets): it knows its build, which is
 * not persisted but set again when the build loads, and a build has at most one record of each kind.
 */
public abstract class BuildRecord implements RunAction2 {

    private static final Logger LOGGER = Logger.getLogger(BuildRecord.class.getName());

    private transient Run<?, ?> run;

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    /** The build this record belongs to. */
    public Run<?, ?> getRun() {
        return run;
    }

    /** Saves the build, logging (not throwing) a failure: a record is a view, and the builds go on. */
    public void save() {
        Run<?, ?> build = getRun();
        if (build == null) {
            return;
        }
        try {
            build.save();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Could not save the " + getClass().getSimpleName() + " of " + build, e);
        }
    }

    /** The record of kind {@code type} on {@code run}, created and attached (not yet saved) if it has none. */
    static <T extends BuildRecord> @NonNull T attachedTo(@NonNull Run<?, ?> run, @NonNull Class<T> type,
            @NonNull Supplier<T> create) {
        synchronized (type) {
            T record = run.getAction(type);
            if (record == null) {
                record = create.get();
                run.addAction(record);
            }
            return record;
        }
    }
}
