package dk.hotline.routing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dk.hotline.platform.testing.ResourceRules;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The rules live in plain Java: domain packages import no framework and no adapter. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dk.hotline.routing");

    @Test
    void domainImportsNoFramework() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "io.smallrye..", "io.vertx..",
                        "jakarta..", "javax.persistence..", "org.hibernate..", "org.apache.kafka..", "org.eclipse..",
                        "com.fasterxml..", "org.jboss..")
                .check(classes);
    }

    @Test
    void domainDependsOnNoAdapter() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("dk.hotline.routing.referral", "dk.hotline.routing.recipient",
                        "dk.hotline.routing.webhook", "dk.hotline.routing.outbox", "dk.hotline.routing.common")
                .check(classes);
    }

    @Test
    void domainNeverReadsTheSystemClockDirectly() {
        noClasses().that().resideInAPackage("..domain..")
                .should().callMethod(java.time.Instant.class, "now")
                .check(classes);
    }

    /** Feature packages depend one way (docs/decisions/no-package-cycles.md). */
    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("dk.hotline.routing.(*)..").should().beFreeOfCycles().check(classes);
    }

    /** A client that disconnects never cancels a request's transaction (docs/decisions/client-disconnect.md). */
    @Test
    void requestsOutliveTheirClient() {
        ResourceRules.REQUESTS_OUTLIVE_THEIR_CLIENT.check(classes);
    }
}
