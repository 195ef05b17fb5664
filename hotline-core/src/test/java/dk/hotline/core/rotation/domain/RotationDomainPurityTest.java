package dk.hotline.core.rotation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RotationDomainPurityTest {

    /** The folder of the compiled domain classes: scanning only it, not every jar on the class path. */
    private static Path compiledDomain() throws URISyntaxException {
        Path root = Path.of(Rotation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return root.resolve(Rotation.class.getPackageName().replace('.', '/'));
    }

    @Test
    void rotationDomainDependsOnNothingButTheJdk() throws URISyntaxException {
        // Only the names of the classes the domain refers to matter here, not their own dependencies:
        // not resolving them from the class path keeps this test fast (ArchUnit would load Quarkus' jars).
        ArchConfiguration configuration = ArchConfiguration.get();
        boolean resolve = configuration.resolveMissingDependenciesFromClassPath();
        configuration.setResolveMissingDependenciesFromClassPath(false);
        try {
            JavaClasses domain = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPath(compiledDomain());
            assertThat(domain.contain(Rotation.class)).isTrue();

            classes().should().onlyDependOnClassesThat()
                    .resideInAnyPackage("java..", "dk.hotline.core.rotation.domain..",
                            "dk.hotline.contracts.vocabulary..", "dk.hotline.contracts.schedule..")
                    .because("the rotation rules are plain Java (with the shared vocabularies of the contracts module);"
                            + " adapters depend on them, never the reverse")
                    .check(domain);
        } finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }
}
