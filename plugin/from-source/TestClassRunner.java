import java.util.concurrent.atomic.AtomicInteger;
import org.junit.runner.JUnitCore;
import org.junit.runner.Request;
import org.junit.runner.Result;
import org.junit.runner.notification.Failure;
import org.junit.runner.notification.RunListener;

/**
 * Runs one JUnit 4 test class as {@code JUnitCore} does and ends with one summary line that also counts the tests
 * that skipped themselves (a failed assumption: something this Jenkins lacks), which JUnitCore counts as run and
 * passed ({@code @Ignore}d tests are not run at all, so not counted):
 * {@code RESULT run=N failed=F skipped=S}. Exits 1 when a test failed.
 *
 * <p>usage: {@code java TestClassRunner CLASS}
 */
public final class TestClassRunner {

    public static void main(String[] args) throws ClassNotFoundException {
        AtomicInteger skipped = new AtomicInteger();
        JUnitCore core = new JUnitCore();
        core.addListener(new org.junit.internal.TextListener(System.out));
        core.addListener(new RunListener() {
            @Override
            public void testAssumptionFailure(Failure failure) {
                skipped.incrementAndGet();
                System.out.println("SKIPPED " + failure.getDescription().getMethodName() + ": " + failure.getMessage());
            }

        });
        Result result = core.run(Request.aClass(Class.forName(args[0])));
        System.out.println("RESULT run=" + result.getRunCount() + " failed=" + result.getFailureCount()
                + " skipped=" + skipped.get());
        System.exit(result.wasSuccessful() ? 0 : 1);
    }
}
