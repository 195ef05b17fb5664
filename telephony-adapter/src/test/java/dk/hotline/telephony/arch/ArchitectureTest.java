package dk.hotline.telephony.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain is plain Java: adapters depend on it, never the other way round. */
@AnalyzeClasses(packages = "dk.hotline.telephony", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainImportsNoFramework = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.asteriskjava..", "io.quarkus..", "io.smallrye..", "org.apache.kafka..",
                    "jakarta..", "org.eclipse.microprofile..", "com.fasterxml..", "io.vertx..", "org.jboss..");

    @ArchTest
    static final ArchRule domainKnowsNoAdapter = noClasses().that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..agi..", "..ami..", "..rotation..", "..publish..",
                    "..health..", "..config..");

    @ArchTest
    static final ArchRule onlyTheAdaptersSpeakAsterisk = noClasses()
            .that().resideOutsideOfPackages("..routing.agi..", "..ami..")
            .should().dependOnClassesThat().resideInAPackage("org.asteriskjava..");

    /** Features depend in one direction: a cycle between two features makes neither understandable alone. */
    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices().matching("dk.hotline.telephony.(*)..")
            .should().beFreeOfCycles();
}
