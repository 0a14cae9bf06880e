package app.funnel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.funnel");

    /** One slice per top-level package under app.funnel (the shell is one of them). */
    private static final SliceAssignment FEATURES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            String[] parts = name.split("\\.");
            return parts.length > 2 ? SliceIdentifier.of(parts[2]) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "feature packages of app.funnel";
        }
    };

    @Test
    void every_view_declares_who_may_open_it() {
        classes().that().areAnnotatedWith(Route.class)
                .should().beAnnotatedWith(RolesAllowed.class)
                .orShould().beAnnotatedWith(PermitAll.class)
                .orShould().beAnnotatedWith(AnonymousAllowed.class)
                .check(CLASSES);
    }

    @Test
    void every_public_service_method_declares_who_may_call_it() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(Service.class)
                .and().arePublic()
                .should().beAnnotatedWith(PreAuthorize.class)
                .because("access is enforced on the server for every service call, not only by hiding buttons")
                .check(CLASSES);
    }

    @Test
    void views_are_not_public_api_of_their_feature() {
        classes().that().areAnnotatedWith(Route.class).and().doNotHaveSimpleName("LoginView")
                .should().notBePublic()
                .check(CLASSES);
    }

    @Test
    void no_lumo_only_theme_variants_under_aura() {
        // Funnel runs on Aura: LUMO_* variants do nothing there (compact grids, inline buttons)
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().should().accessFieldWhere(
                com.tngtech.archunit.core.domain.JavaAccess.Predicates.target(
                        com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameStartingWith("LUMO_")))
                .check(CLASSES);
    }

    @Test
    void plain_sql_passes_times_as_utc_never_as_jvm_zone_timestamps() {
        // java.sql.Timestamp is written and read in the JVM's zone; stored times are UTC (base.Utc)
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().should()
                .dependOnClassesThat().belongToAnyOf(java.sql.Timestamp.class)
                .because("a JVM started with another TZ would shift every time read or written by plain SQL")
                .check(CLASSES);
    }

    @Test
    void feature_packages_do_not_depend_on_each_other_in_cycles() {
        slices().assignedFrom(FEATURES).should().beFreeOfCycles().check(CLASSES);
    }
}
