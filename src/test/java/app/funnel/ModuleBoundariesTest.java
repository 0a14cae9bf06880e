package app.funnel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The boundaries of the feature packages beyond their Java visibility: which package owns which
 * tables (no other names them in its SQL), and that the statistics stay below the features that
 * publish their changes to them (decision 0007).
 */
class ModuleBoundariesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("app.funnel");

    private static final Path SOURCES = Path.of("src/main/java/app/funnel");

    /** Tables and the package that owns them: only it reads or writes them. */
    private static final List<Owned> OWNED = List.of(
            new Owned("statistics", Set.of("stage_change", "lead_tally", "lead_order_tally", "opportunity_tally",
                    "stage_tally"),
                    // demo data loads history rows in bulk (a million leads) and rebuilds the tallies after
                    Set.of("demo/LeadDemoData.java", "demo/LeadGenerator.java", "demo/LeadReachDemoData.java",
                            "demo/OpportunityDemoData.java")));

    record Owned(String owner, Set<String> tables, Set<String> exceptions) {
    }

    @Test
    void only_the_owning_package_names_its_tables_in_sql() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = SOURCES.relativize(file).toString().replace('\\', '/');
                String text = Files.readString(file);
                for (Owned owned : OWNED) {
                    if (relative.startsWith(owned.owner() + "/") || owned.exceptions().contains(relative)) {
                        continue;
                    }
                    for (String table : owned.tables()) {
                        Matcher m = Pattern.compile("(?i)\\b(FROM|JOIN|INTO|UPDATE)\\s+" + table + "\\b").matcher(text);
                        if (m.find()) {
                            found.add(relative + " names " + table + " (owned by " + owned.owner() + ")");
                        }
                    }
                }
            }
        }
        assertThat(found).as("ask the owning package's service or reader instead").isEmpty();
    }

    @Test
    void the_statistics_know_no_feature_that_publishes_to_them() {
        noClasses().that().resideInAPackage("app.funnel.statistics..")
                .should().dependOnClassesThat().resideInAnyPackage("app.funnel.lead..", "app.funnel.opportunity..",
                        "app.funnel.dashboard..", "app.funnel.importing..", "app.funnel.capture..", "app.funnel.user..",
                        "app.funnel.definition..", "app.funnel.shell..")
                .because("leads and deals publish events the statistics handle; the facts come from FunnelState")
                .check(CLASSES);
    }

    @Test
    void the_dashboard_asks_typed_readers_and_reads_no_table() {
        noClasses().that().resideInAPackage("app.funnel.dashboard..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "jakarta.persistence..")
                .because("its figures come from FunnelFigures and the features' services")
                .check(CLASSES);
    }

    @Test
    void no_feature_depends_on_the_demo_data() {
        noClasses().that().resideOutsideOfPackage("app.funnel.demo..")
                .should().dependOnClassesThat().resideInAPackage("app.funnel.demo..")
                .because("the demo data is written from outside the features, through their public types")
                .check(CLASSES);
    }

    @Test
    void base_holds_no_feature_code() {
        noClasses().that().resideInAPackage("app.funnel.base..")
                .should().dependOnClassesThat().resideInAnyPackage("app.funnel.lead..", "app.funnel.opportunity..",
                        "app.funnel.statistics..", "app.funnel.dashboard..", "app.funnel.importing..",
                        "app.funnel.capture..", "app.funnel.user..", "app.funnel.definition..",
                        "app.funnel.security..", "app.funnel.database..", "app.funnel.shell..", "app.funnel.demo..")
                .check(CLASSES);
    }
}
