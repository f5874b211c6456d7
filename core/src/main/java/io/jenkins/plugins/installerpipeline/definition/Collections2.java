package io.jenkins.plugins.installerpipeline.definition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable copies that keep the order the user wrote (Map.copyOf does not). */
final class Collections2 {
    private Collections2() {}

    static <K, V> Map<K, V> orderedCopy(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
