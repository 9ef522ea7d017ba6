package io.siyu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

class ArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.siyu");

    @Test
    void domainCodeNeverDependsOnTheWebAdapters() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.siyu.*.web..")
                .check(CLASSES);
    }

    @Test
    void controllersArePackagePrivateAndLiveInWebPackages() {
        classes()
                .that()
                .areAnnotatedWith(RestController.class)
                .should()
                .notBePublic()
                .andShould()
                .resideInAPackage("..web..")
                .check(CLASSES);
    }

    /** Security is checked on every endpoint, not only by URL: an endpoint without a rule does not build. */
    @Test
    void everyEndpointDeclaresItsPermission() {
        methods()
                .that()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(RestController.class)
                .and()
                .areAnnotatedWith(RequestMapping.class)
                .or()
                .areMetaAnnotatedWith(RequestMapping.class)
                .and()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(RestController.class)
                .should()
                .beAnnotatedWith(PreAuthorize.class)
                .orShould()
                .beDeclaredInClassesThat()
                .areAnnotatedWith(PreAuthorize.class)
                .orShould()
                .haveName("login")
                .orShould()
                .haveName("logout")
                .orShould()
                .haveName("session")
                .check(CLASSES);
    }

    @Test
    void noLayerPackagesAtTheTop() {
        noClasses()
                .should()
                .resideInAnyPackage(
                        "io.siyu.controller..", "io.siyu.service..", "io.siyu.repository..", "io.siyu.dto..")
                .check(CLASSES);
    }
}
