package dk.hotline.platform.testing;

import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.PostDiscoveryFilter;

import java.lang.annotation.Annotation;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The developer's fast run ({@code mvn test -Punit}, which sets {@code hotline.unit=true}): leaves out every test
 * that starts an application or needs the test stack, so the plain unit tests (domain rules, contracts, platform
 * code, architecture) run in seconds with no PostgreSQL, Kafka or Keycloak. Left out: classes annotated, directly
 * or through a meta-annotation, with Quarkus' test annotations, and classes tagged {@value #SERVERS} (plain JUnit
 * tests that talk to the stack themselves). Without the property every test runs, as before.
 * <p>
 * Registered through {@code META-INF/services} in the platform's test jar, which every service's tests depend on.
 */
public final class UnitTestsOnly implements PostDiscoveryFilter {

    /** The tag of a plain test that needs the test stack. */
    public static final String SERVERS = "servers";

    private static final Set<String> APPLICATION_TESTS = Set.of(
            "io.quarkus.test.junit.QuarkusTest",
            "io.quarkus.test.junit.QuarkusIntegrationTest",
            "io.quarkus.test.junit.main.QuarkusMainTest");

    @Override
    public FilterResult apply(TestDescriptor descriptor) {
        if (!Boolean.getBoolean("hotline.unit")) {
            return FilterResult.included("every test runs");
        }
        Optional<Class<?>> type = descriptor.getSource().flatMap(UnitTestsOnly::testClass);
        if (type.isEmpty()) {
            return FilterResult.included("not a test class");
        }
        boolean needsServers = descriptor.getTags().stream().anyMatch(t -> t.getName().equals(SERVERS));
        for (Class<?> c = type.get(); c != null && !needsServers; c = c.getEnclosingClass()) {
            needsServers = startsAnApplication(c, new HashSet<>());
        }
        return needsServers ? FilterResult.excluded("needs the test stack (-Punit runs plain unit tests only)")
                : FilterResult.included("plain unit test");
    }

    private static Optional<Class<?>> testClass(TestSource source) {
        if (source instanceof ClassSource c) {
            return Optional.of(c.getJavaClass());
        }
        if (source instanceof MethodSource m) {
            return Optional.of(m.getJavaClass());
        }
        return Optional.empty();
    }

    private static boolean startsAnApplication(Class<?> element, Set<Class<?>> seen) {
        for (Annotation a : element.getAnnotations()) {
            Class<? extends Annotation> type = a.annotationType();
            if (APPLICATION_TESTS.contains(type.getName())) {
                return true;
            }
            if (!type.getName().startsWith("java.") && seen.add(type) && startsAnApplication(type, seen)) {
                return true;
            }
        }
        return false;
    }
}
