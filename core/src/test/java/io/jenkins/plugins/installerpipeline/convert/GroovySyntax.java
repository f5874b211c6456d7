package io.jenkins.plugins.installerpipeline.convert;

import java.util.Optional;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.Phases;

/**
 * Checks Jenkinsfile text with the Groovy compiler up to semantic analysis: the text parses and every construct is
 * well formed. Nothing is run, and Jenkins classes are never needed (step calls are dynamic method calls).
 */
final class GroovySyntax {

    private GroovySyntax() {}

    /** Empty when {@code script} compiles to the semantic analysis phase, else the compiler's message. */
    static Optional<String> problems(String name, String script) {
        CompilationUnit unit = new CompilationUnit(new CompilerConfiguration());
        unit.addSource(name, script);
        try {
            unit.compile(Phases.SEMANTIC_ANALYSIS);
            return Optional.empty();
        } catch (CompilationFailedException e) {
            return Optional.of(e.getMessage());
        }
    }
}
