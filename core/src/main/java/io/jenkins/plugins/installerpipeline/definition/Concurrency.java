package io.jenkins.plugins.installerpipeline.definition;

import java.util.Objects;

/**
 * {@code concurrency} with {@code concurrency_group}: at most {@code limit} jobs of the group run at once.
 *
 * @param limit the number of jobs
 * @param group the group name
 */
public record Concurrency(int limit, String group) {
    public Concurrency {
        Objects.requireNonNull(group, "group");
    }
}
