package dk.hotline.core.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dk.hotline.platform.testing.ResourceRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The rules that matter live in plain Java; adapters depend on them, never the other way round. */
@AnalyzeClasses(packages = "dk.hotline.core", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainIsPlainJavaTest {

    @ArchTest
    static final ArchRule domainUsesOnlyTheJdk = classes()
            .that().resideInAPackage("..domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "..domain..",
                    // The shared vocabularies and rules: plain Java of the contracts module, one source for all services
                    "dk.hotline.contracts.vocabulary..", "dk.hotline.contracts.schedule..", "dk.hotline.contracts.rules..");

    @ArchTest
    static final ArchRule domainDoesNotReachForAdapters = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..rest..", "io.quarkus..", "jakarta..",
                    "org.hibernate..", "io.smallrye..", "org.apache.kafka..", "org.asteriskjava..");

    /** Features depend in one direction: a cycle between two features makes neither understandable (or testable) alone. */
    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("dk.hotline.core.(*)..")
            .should().beFreeOfCycles();

    /** A client that disconnects never cancels a request's transaction (docs/decisions/client-disconnect.md). */
    @ArchTest
    static final ArchRule requestsOutliveTheirClient = ResourceRules.REQUESTS_OUTLIVE_THEIR_CLIENT;
}
