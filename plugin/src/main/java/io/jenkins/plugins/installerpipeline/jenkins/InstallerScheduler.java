package io.jenkins.plugins.installerpipeline.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.model.Action;
import hudson.model.Cause;
import hudson.model.CauseAction;
import hudson.model.Job;
import hudson.model.ParameterDefinition;
import hudson.model.ParameterValue;
import hudson.model.ParametersAction;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.SimpleParameterDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jenkins.model.ParameterizedJobMixIn;

/**
 * The one way an installer build is scheduled, for a trigger, a trigger whose dependency is now met, and a re-run:
 * an upstream cause, the metadata (which reaches the child's {@code env}) and, only for names the child job
 * declares as parameters, the same values as parameters. Undeclared values are never passed as parameters: Jenkins
 * would drop them anyway (SECURITY-170) and they belong in the environment.
 *
 * <p>Permission checks are the caller's: the step checks {@code Item.BUILD} with the build's authentication before
 * scheduling anything, the re-run endpoint with the user's.
 */
public final class InstallerScheduler {

    private InstallerScheduler() {}

    /**
     * Schedules one installer build.
     *
     * @return the queue item (its id is recorded in the upstream's {@link InstallerRunsAction})
     * @throws AbortException naming the job when it cannot be scheduled (disabled, not buildable, or vetoed)
     */
    public static @NonNull Queue.Item schedule(@NonNull Job<?, ?> job, @NonNull Run<?, ?> upstream,
            @NonNull InstallerMetadataAction metadata) throws AbortException {
        if (!(job instanceof ParameterizedJobMixIn.ParameterizedJob<?, ?> parameterized) || !parameterized.isBuildable()) {
            throw new AbortException(job.getFullName() + " cannot be built (disabled, or not a buildable job)");
        }
        List<Action> actions = new ArrayList<>();
        actions.add(new CauseAction(new Cause.UpstreamCause(upstream)));
        actions.add(metadata);
        declaredParameters(job, metadata.environment()).ifPresent(actions::add);
        Queue.Item item = ParameterizedJobMixIn.scheduleBuild2(job, -1, actions.toArray(new Action[0]));
        if (item == null) {
            throw new AbortException("Could not schedule " + job.getFullName() + " (not buildable, or refused by the queue)");
        }
        return item;
    }

    /**
     * Parameter values for the parameters the job declares: the metadata's value where it has one of the same name
     * (converted by the definition), the job's default otherwise. Empty when the job declares no parameter of those
     * names, so that {@code scheduleBuild2} fills in the defaults itself.
     */
    static Optional<ParametersAction> declaredParameters(@NonNull Job<?, ?> job, @NonNull Map<String, String> values)
            throws AbortException {
        ParametersDefinitionProperty property = job.getProperty(ParametersDefinitionProperty.class);
        if (property == null) {
            return Optional.empty();
        }
        List<ParameterValue> parameters = new ArrayList<>();
        boolean any = false;
        for (ParameterDefinition definition : property.getParameterDefinitions()) {
            String value = values.get(definition.getName());
            if (value != null && definition instanceof SimpleParameterDefinition simple) {
                try {
                    parameters.add(simple.createValue(value));
                } catch (IllegalArgumentException e) {
                    throw new AbortException(job.getFullName() + ": its parameter " + definition.getName()
                            + " does not accept the value '" + value + "' (" + e.getMessage() + ")");
                }
                any = true;
            } else {
                ParameterValue defaultValue = definition.getDefaultParameterValue();
                if (defaultValue != null) {
                    parameters.add(defaultValue);
                }
            }
        }
        return any ? Optional.of(new ParametersAction(parameters)) : Optional.empty();
    }
}
