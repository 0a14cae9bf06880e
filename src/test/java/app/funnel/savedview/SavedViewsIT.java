package app.funnel.savedview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.funnel.FunnelAppTest;
import app.funnel.TestLogins;
import app.funnel.base.InvalidInputException;
import app.funnel.base.RefusedException;
import app.funnel.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

@FunnelAppTest
class SavedViewsIT {

    @Autowired
    SavedViewService views;

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void leadership_shares_a_view_with_sales_and_a_private_view_stays_private() {
        String tag = "v" + System.nanoTime();
        TestLogins.as("leadership", Role.LEADERSHIP);
        SavedView shared = views.save("leads", "SQLs past SLA " + tag, "status=SQL&sort=createdAt", Role.SALES);
        views.save("leads", "Mine only " + tag, "status=NEW", null);
        // saving under the same name replaces my view, not a second one
        views.save("leads", "Mine only " + tag, "status=MQL", null);
        assertThat(views.list("leads")).filteredOn(v -> v.name().endsWith(tag)).extracting(SavedView::query)
                .containsExactly("status=MQL", "status=SQL&sort=createdAt");

        TestLogins.as("paulo", Role.SALES);
        assertThat(views.list("leads")).filteredOn(v -> v.name().endsWith(tag)).singleElement().satisfies(view -> {
            assertThat(view.name()).startsWith("SQLs past SLA");
            assertThat(view.mine()).isFalse();
            assertThat(view.sharedWith()).isEqualTo(Role.SALES);
        });
        assertThat(views.list("opportunities")).filteredOn(v -> v.name().endsWith(tag)).isEmpty();
        assertThatThrownBy(() -> views.delete(shared.id())).isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> views.save("leads", "Shared by sales " + tag, "x=1", Role.SALES))
                .isInstanceOf(RefusedException.class);
        assertThatThrownBy(() -> views.save("leads", "  ", "x=1", null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("views.error.name-required"));

        TestLogins.as("camila", Role.MARKETING);
        assertThat(views.list("leads")).filteredOn(v -> v.name().endsWith(tag)).as("shared with sales only").isEmpty();

        TestLogins.as("leadership", Role.LEADERSHIP);
        views.delete(shared.id());
        TestLogins.as("paulo", Role.SALES);
        assertThat(views.list("leads")).filteredOn(v -> v.name().endsWith(tag)).isEmpty();
    }
}
