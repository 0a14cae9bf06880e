package app.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Every route and who sees it when opening it. A new view without a row here fails the build;
 * each row is checked for anonymous visitors and for a user of each role, by navigating there.
 */
@FunnelAppTest
class AccessMatrixIT extends SpringBrowserlessTest {

    enum Who { ANONYMOUS, MARKETING, SALES, LEADERSHIP, ADMIN }

    private static final Set<Who> ANYONE_LOGGED_IN = EnumSet.of(Who.MARKETING, Who.SALES, Who.LEADERSHIP, Who.ADMIN);

    /** Route template to the people who see that view. Logged-in users opening "login" are sent home. */
    private static final Map<String, Set<Who>> MATRIX = new LinkedHashMap<>();
    private static final Map<String, String> PATHS = new LinkedHashMap<>();

    static {
        MATRIX.put("login", EnumSet.of(Who.ANONYMOUS));
        MATRIX.put("", ANYONE_LOGGED_IN);
        MATRIX.put("profile", ANYONE_LOGGED_IN);
        MATRIX.put("notifications", ANYONE_LOGGED_IN);
        MATRIX.put("admin/users", EnumSet.of(Who.ADMIN));
        MATRIX.put("definitions", ANYONE_LOGGED_IN);
        MATRIX.put("definitions/compare", ANYONE_LOGGED_IN);
        MATRIX.put("definitions/acknowledgements", EnumSet.of(Who.LEADERSHIP, Who.ADMIN));
        MATRIX.put("leads", ANYONE_LOGGED_IN);
        MATRIX.put("leads/:leadId([0-9]{1,18})", ANYONE_LOGGED_IN);
        MATRIX.put("opportunities", ANYONE_LOGGED_IN);
        MATRIX.put("opportunities/:opportunityId([0-9]{1,18})", ANYONE_LOGGED_IN);
        MATRIX.put("board", ANYONE_LOGGED_IN);
        MATRIX.put("admin/capture", EnumSet.of(Who.ADMIN));
        MATRIX.put("admin/backups", EnumSet.of(Who.ADMIN));
        MATRIX.put("leads/import", EnumSet.of(Who.MARKETING, Who.LEADERSHIP, Who.ADMIN));
        MATRIX.put("leads/duplicates", EnumSet.of(Who.MARKETING, Who.LEADERSHIP, Who.ADMIN));
        MATRIX.put("dashboard", ANYONE_LOGGED_IN);
        // templates with a parameter are opened at a record that the demo data has
        PATHS.put("leads/:leadId([0-9]{1,18})", "leads/1");
        PATHS.put("opportunities/:opportunityId([0-9]{1,18})", "opportunities/1");
    }

    @Test
    void every_route_has_a_row_in_the_access_matrix() {
        Set<String> routes = RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .map(RouteData::getTemplate).collect(Collectors.toSet());
        assertThat(MATRIX.keySet()).as("routes in the access matrix").containsExactlyInAnyOrderElementsOf(routes);
    }

    @Test
    @WithAnonymousUser
    void anonymous_visitors_see_only_the_login_view() {
        assertMatrixFor(Who.ANONYMOUS);
    }

    @Test
    @WithUserDetails("marketing")
    void marketing_sees_its_rows() {
        assertMatrixFor(Who.MARKETING);
    }

    @Test
    @WithUserDetails("sales")
    void sales_sees_its_rows() {
        assertMatrixFor(Who.SALES);
    }

    @Test
    @WithUserDetails("leadership")
    void leadership_sees_its_rows() {
        assertMatrixFor(Who.LEADERSHIP);
    }

    @Test
    @WithUserDetails("admin")
    void admin_sees_its_rows() {
        assertMatrixFor(Who.ADMIN);
    }

    private void assertMatrixFor(Who who) {
        Map<String, Class<? extends Component>> targets = new TreeMap<>();
        RouteConfiguration.forApplicationScope().getAvailableRoutes()
                .forEach(route -> targets.put(route.getTemplate(), route.getNavigationTarget()));
        Map<String, Boolean> expected = new TreeMap<>();
        Map<String, Boolean> actual = new TreeMap<>();
        for (var row : MATRIX.entrySet()) {
            navigate(PATHS.getOrDefault(row.getKey(), row.getKey()), Component.class);
            expected.put(row.getKey(), row.getValue().contains(who));
            actual.put(row.getKey(), targets.get(row.getKey()).isInstance(getCurrentView()));
        }
        assertThat(actual).as("routes that %s sees (true) or is kept out of (false)", who).isEqualTo(expected);
    }
}
