package app.funnel;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Spring Modulith's view of the feature packages: each top-level package under app.funnel is a
 * module whose API is its root package (and the named interfaces it declares); no module reaches
 * into another's insides, and none depend on each other in cycles. The module documentation
 * (component diagrams and a canvas per module) is written under target/spring-modulith-docs.
 */
class ModulesTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(Application.class);

    @Test
    void no_module_reaches_into_another_or_depends_on_it_in_a_cycle() {
        MODULES.verify();
    }

    @Test
    void the_module_documentation_is_written() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
    }
}
