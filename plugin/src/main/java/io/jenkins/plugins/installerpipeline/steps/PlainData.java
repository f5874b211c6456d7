package io.jenkins.plugins.installerpipeline.steps;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies values that come from a Pipeline script into plain, serializable Java: {@code String}, {@code Boolean},
 * {@code Number}, {@code ArrayList} and {@code LinkedHashMap}. Groovy hands steps {@code GString}s and its own
 * collection types; step executions are serialized (program.dat) and step results kept in CPS variables, so
 * neither may hold those.
 */
final class PlainData {

    private PlainData() {}

    /** A plain copy of a script value; anything else (a GString, an enum) becomes its string form. */
    static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> copy = new ArrayList<>(collection.size());
            collection.forEach(v -> copy.add(plain(v)));
            return copy;
        }
        if (value instanceof Object[] array) {
            List<Object> copy = new ArrayList<>(array.length);
            for (Object v : array) {
                copy.add(plain(v));
            }
            return copy;
        }
        return String.valueOf(value);
    }

    /**
     * A plain copy of a map argument.
     *
     * @throws IllegalArgumentException naming the argument when the value is not a map (shown to the user by the
     *     step as its error)
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> stringKeyedMap(Object value, String argument) {
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(argument + ": expected a map such as [job: 'kolibri-debian'], got "
                    + (value == null ? "null" : value.getClass().getSimpleName() + " " + value));
        }
        return (Map<String, Object>) plain(value);
    }
}
