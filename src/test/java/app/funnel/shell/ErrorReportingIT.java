package app.funnel.shell;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.FunnelAppTest;
import app.funnel.base.ConcurrentChangeException;
import app.funnel.base.RefusedException;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.ErrorEvent;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

/** What reaches the user when a view lets an exception through: the session's one error handler. */
@FunnelAppTest
class ErrorReportingIT extends SpringBrowserlessTest {

    @Test
    @WithUserDetails("sales")
    void a_refusal_from_a_stale_screen_says_its_reason_closes_the_dialog_and_refreshes_the_view() {
        navigate(HomeView.class);
        Dialog stale = new Dialog();
        stale.open();
        roundTrip();
        assertThat(stale.isAttached()).isTrue();
        ErrorReporting.report(new ErrorEvent(new RuntimeException(new RefusedException("refused.deal-owner"))));
        assertThat(notifications()).anySatisfy(text -> assertThat(text)
                .startsWith("Not allowed: only the deal's sales owner changes it"));
        assertThat(stale.isOpened()).isFalse();
        assertThat(getCurrentView()).isInstanceOf(HomeView.class);
    }

    @Test
    @WithUserDetails("sales")
    void refusals_version_conflicts_and_the_unexpected_are_told_in_the_users_language() {
        navigate(HomeView.class);
        UI.getCurrent().setLocale(Locale.forLanguageTag("pt-BR"));
        ErrorReporting.report(new ErrorEvent(new AccessDeniedException("Access Denied")));
        ErrorReporting.report(new ErrorEvent(new ObjectOptimisticLockingFailureException("Lead", 1L)));
        ErrorReporting.report(new ErrorEvent(new ConcurrentChangeException("Lead", "Márcia", Instant.now())));
        ErrorReporting.report(new ErrorEvent(new IllegalStateException("boom")));
        assertThat(notifications()).anySatisfy(t -> assertThat(t).startsWith("Não permitido: seus papéis"))
                .anySatisfy(t -> assertThat(t).startsWith("Outra pessoa alterou este registro no mesmo instante"))
                .anySatisfy(t -> assertThat(t).contains("Márcia"))
                .anySatisfy(t -> assertThat(t).containsPattern("ocorrência [0-9a-f]{8}"))
                .noneSatisfy(t -> assertThat(t).contains("boom"));
    }

    @org.springframework.beans.factory.annotation.Autowired
    app.funnel.lead.LeadService leads;

    @Test
    @WithUserDetails("marketing")
    void a_save_that_lost_the_race_at_commit_says_who_changed_the_record_and_when() {
        navigate(HomeView.class);
        String last = "Race" + System.nanoTime();
        var lead = leads.create(new app.funnel.lead.LeadInput("Rui", last, last.toLowerCase() + "@race.example.com",
                null, null, null, null, app.funnel.lead.LeadSource.EVENT, null, null), true);
        // what Hibernate raises when two saves pass the version check together and the other one commits first
        ErrorReporting.report(new ErrorEvent(new ObjectOptimisticLockingFailureException("app.funnel.lead.Lead", lead.id())));
        assertThat(notifications()).anySatisfy(t -> assertThat(t)
                .startsWith("Someone else changed this record (marketing, at ").contains("reload"));
    }

    private java.util.List<String> notifications() {
        return find(Notification.class).all().stream().map(n -> test(n).getText()).toList();
    }
}
