package io.jenkins.plugins.installerpipeline.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * One {@code NAME=VALUE} argument ({@code --env}, {@code --child}, {@code --jobs}). Parsed here rather than by picocli's
 * map options, whose error for a missing {@code =} reads "Value for option option '--env' ... should be in KEY=VALUE
 * format".
 *
 * @param name  the part before the first {@code =}
 * @param value the rest, possibly empty
 */
record NameValue(String name, String value) {

    /** The arguments as a map, in order; a later value for a name replaces an earlier one. */
    static Map<String, String> toMap(List<NameValue> entries) {
        Map<String, String> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.name(), e.value()));
        return map;
    }

    /** Splits at the first {@code =}; a missing {@code =} or an empty name is a usage error. */
    static final class Converter implements CommandLine.ITypeConverter<NameValue> {
        @Override
        public NameValue convert(String text) {
            int eq = text.indexOf('=');
            if (eq <= 0) {
                throw new CommandLine.TypeConversionException("'" + text + "' has "
                        + (eq < 0 ? "no '='" : "no name before '='"));
            }
            return new NameValue(text.substring(0, eq), text.substring(eq + 1));
        }
    }
}
