package io.jenkins.plugins.installerpipeline.diagnostic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * An immutable, position-sorted list of diagnostics, as returned by every check in the engine.
 *
 * @param all every diagnostic, sorted by location
 */
public record Diagnostics(List<Diagnostic> all) {

    public Diagnostics {
        List<Diagnostic> sorted = new ArrayList<>(all);
        sorted.sort(null);
        all = List.copyOf(sorted);
    }

    public static Diagnostics none() {
        return new Diagnostics(List.of());
    }

    public static Diagnostics of(Collection<Diagnostic> diagnostics) {
        return new Diagnostics(List.copyOf(diagnostics));
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> errors() {
        return all.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings() {
        return all.stream().filter(d -> !d.isError()).toList();
    }

    public Diagnostics plus(Diagnostics other) {
        List<Diagnostic> both = new ArrayList<>(all);
        both.addAll(other.all);
        return new Diagnostics(both);
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    /** One {@link Diagnostic#format()} line per diagnostic, joined by newlines, no trailing newline. */
    public String format() {
        return String.join("\n", all.stream().map(Diagnostic::format).toList());
    }
}
