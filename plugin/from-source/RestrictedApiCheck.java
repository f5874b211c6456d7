import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.kohsuke.accmod.impl.Checker;
import org.kohsuke.accmod.impl.ErrorListener;
import org.kohsuke.accmod.impl.Location;

/**
 * Runs access-modifier-checker's own {@link Checker} over a directory of compiled classes, set up as its Maven goal
 * ({@code EnforcerMojo}) sets it up in a plugin build with {@code failOnError}: the restrictions are read from every
 * jar of the class path and from the checked classes themselves; {@code @Restricted(Beta.class)} counts as an error
 * (no {@code useBeta} opt-in). Prints one line per violation and exits 1 when there is any.
 *
 * <p>usage: {@code java RestrictedApiCheck CLASSES_DIR CLASS_PATH}
 */
public final class RestrictedApiCheck {

    public static void main(String[] args) throws Exception {
        File classes = new File(args[0]);
        List<URL> urls = new ArrayList<>();
        for (String entry : args[1].split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        URL output = classes.toURI().toURL();
        urls.add(output);
        List<String> errors = new ArrayList<>();
        ErrorListener listener = new ErrorListener() {
            @Override
            public void onError(Throwable t, Location loc, String msg) {
                errors.add(loc + " " + msg + (t == null ? "" : " (" + t + ")"));
            }

            @Override
            public void onWarning(Throwable t, Location loc, String msg) {
                System.out.println("restricted-API check: warning: " + loc + " " + msg);
            }
        };
        SystemStreamLog log = new SystemStreamLog() {
            @Override
            public boolean isDebugEnabled() {
                return false;
            }

            @Override
            public void debug(CharSequence content) {}
        };
        try (URLClassLoader dependencies = new URLClassLoader(urls.toArray(new URL[0]), RestrictedApiCheck.class.getClassLoader());
                URLClassLoader own = new URLClassLoader(new URL[] {output}, ClassLoader.getSystemClassLoader().getParent())) {
            Checker checker = new Checker(dependencies, listener, new Properties(), log);
            checker.loadRestrictions(own, true);
            checker.check(classes);
        }
        for (String e : errors) {
            System.out.println("restricted-API check: error: " + e);
        }
        if (!errors.isEmpty()) {
            System.out.println("restricted-API check: " + errors.size() + " violation" + (errors.size() == 1 ? "" : "s")
                    + " in " + classes + " (a real plugin build stops here: access-modifier-checker, failOnError)");
            System.exit(1);
        }
    }
}
