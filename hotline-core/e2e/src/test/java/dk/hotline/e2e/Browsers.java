package dk.hotline.e2e;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The browsers one test opened, as a JUnit extension ({@code @RegisterExtension}): when the test fails, what each
 * showed is kept under {@code logs/failed} before they close; after each test all of them are closed.
 */
final class Browsers implements TestExecutionExceptionHandler, AfterEachCallback {

    private final Path failed;
    private final List<Browser> open = new ArrayList<>();

    Browsers(Path logs) {
        this.failed = logs.resolve("failed");
    }

    /** A new browser (an empty profile: a person not signed in yet), closed after the test. */
    Browser open() {
        Browser browser = Browser.open();
        open.add(browser);
        return browser;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        for (int i = 0; i < open.size(); i++) {
            open.get(i).keepEvidence(failed, context.getRequiredTestMethod().getName() + "-" + i);
        }
        throw failure;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        open.forEach(Browser::close);
        open.clear();
    }
}
