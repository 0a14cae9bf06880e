package app.funnel.opportunity.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.FunnelAppTest;
import app.funnel.TestLogins;
import app.funnel.definition.Criterion;
import app.funnel.definition.DefinitionService;
import app.funnel.definition.Term;
import app.funnel.lead.LeadDetails;
import app.funnel.lead.LeadInput;
import app.funnel.lead.LeadService;
import app.funnel.lead.LeadSource;
import app.funnel.opportunity.ConversionInput;
import app.funnel.opportunity.LostReason;
import app.funnel.opportunity.OpportunityDetails;
import app.funnel.opportunity.OpportunityRow;
import app.funnel.opportunity.OpportunityService;
import app.funnel.opportunity.Stage;
import app.funnel.security.Role;
import app.funnel.user.UserService;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithUserDetails;

@FunnelAppTest
class OpportunityViewsIT extends SpringBrowserlessTest {

    @Autowired
    OpportunityService opportunities;
    @Autowired
    LeadService leads;
    @Autowired
    DefinitionService definitions;
    @Autowired
    UserService users;

    @Test
    @WithUserDetails("sales")
    void a_card_dropped_on_quote_asks_for_the_missing_criteria_then_moves_and_lost_asks_for_a_reason() {
        OpportunityDetails deal = newDeal();
        BoardView board = navigate(BoardView.class);
        assertThat(find(Div.class).withId("card-" + deal.id()).exists()).isTrue();

        board.dropped(row(deal.id()), Stage.QUOTE);
        for (Criterion criterion : definitions.entry(definitions.currentVersion(), Term.QUOTE).criteria()) {
            test(find(Checkbox.class).withId("confirm-" + criterion.code()).single()).click();
        }
        test(find(Button.class).withId("confirm-and-retry").single()).click();
        assertThat(opportunities.get(deal.id()).stage()).isEqualTo(Stage.QUOTE);
        assertThat(find(Div.class).withId("column-QUOTE").single().getElement().getTextRecursively())
                .contains(deal.name());

        board.dropped(row(deal.id()), Stage.CLOSED_LOST);
        @SuppressWarnings("unchecked")
        ComboBox<LostReason> reason = find(ComboBox.class).withId("drop-lost-reason").single();
        test(reason).selectItem("Competitor");
        test(find(TextField.class).withId("drop-lost-note").single()).setValue("Went with the incumbent");
        test(find(Button.class).withId("drop-confirm").single()).click();
        OpportunityDetails lost = opportunities.get(deal.id());
        assertThat(lost.stage()).isEqualTo(Stage.CLOSED_LOST);
        assertThat(lost.lostReason()).isEqualTo(LostReason.COMPETITOR);

        // Won and Lost start folded (their count, no cards), so that every stage fits the screen; a click unfolds
        Div lostColumn = find(Div.class).withId("column-CLOSED_LOST").single();
        assertThat(lostColumn.getClassNames()).contains("folded");
        int foldedText = lostColumn.getElement().getTextRecursively().length();
        test(find(Button.class).withId("fold-CLOSED_LOST").single()).click();
        assertThat(lostColumn.getClassNames()).doesNotContain("folded");
        assertThat(lostColumn.getElement().getTextRecursively().length()).as("the cards are shown")
                .isGreaterThan(foldedText);
    }

    @Test
    @WithUserDetails("leadership")
    void the_grid_footer_shows_count_total_and_weighted_amount() {
        navigate(OpportunitiesView.class);
        assertThat(find(Span.class).withId("opportunities-footer").single().getText())
                .matches("[\\d,.]+ deals · total .+ · weighted .+");
    }

    private OpportunityRow row(long id) {
        OpportunityDetails d = opportunities.get(id);
        return new OpportunityRow(d.id(), d.name(), d.accountName(), d.amount(), d.currency(), d.expectedClose(),
                d.stage(), d.probability(), d.ownerId(), d.stageChangedAt(), d.updatedAt(), d.version());
    }

    /** A fresh deal of the sales user, closing long ago so that it is first in its column. */
    private OpportunityDetails newDeal() {
        var saved = SecurityContextHolder.getContext().getAuthentication();
        String tag = String.valueOf(System.nanoTime() % 1_000_000_000L);
        TestLogins.as("marketing", Role.MARKETING);
        LeadDetails lead = leads.create(new LeadInput("Board", "Test" + tag, "board" + tag + "@test" + tag + ".com",
                null, "Board " + tag, null, null, LeadSource.EVENT, null, null), true);
        confirm(lead.id(), Term.MQL);
        LeadDetails mql = leads.qualify(lead.id(), lead.version());
        confirm(lead.id(), Term.SQL);
        LeadDetails sql = leads.handOver(mql.id(), mql.version(), users.byUsername("sales").orElseThrow().id());
        TestLogins.as("sales", Role.SALES);
        confirm(sql.id(), Term.OPPORTUNITY);
        OpportunityDetails deal = opportunities.convert(sql.id(), sql.version(), new ConversionInput("Board deal " + tag,
                new BigDecimal("1000"), "USD", LocalDate.now().minusYears(5), null, null));
        SecurityContextHolder.getContext().setAuthentication(saved);
        return deal;
    }

    private void confirm(long leadId, Term term) {
        leads.confirmCriteria(leadId, definitions.entry(definitions.currentVersion(), term).criteria().stream()
                .map(Criterion::code).toList());
    }
}
