package app.funnel.opportunity.ui;

import app.funnel.base.ui.RecordFrame;
import app.funnel.base.ui.RecordPage;
import app.funnel.definition.DefinitionService;
import app.funnel.lead.LeadService;
import app.funnel.opportunity.OpportunityService;
import app.funnel.security.Roles;
import app.funnel.user.UserService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * {@code opportunities/45}: one deal as a page of its own (fields, stage and its criteria, activities
 * and follow-ups, history, the lead and referrals it came from) that can be linked, bookmarked and
 * printed. The grid and the board open the same record in a dialog for quick edits.
 */
@Route("opportunities/:opportunityId([0-9]{1,18})")
@RolesAllowed({Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP, Roles.ADMIN})
final class OpportunityPage extends RecordPage {

    private final OpportunityService opportunities;
    private final DefinitionService definitions;
    private final LeadService leads;
    private final UserService users;
    private final app.funnel.activity.ui.RecordWorkPanels work;

    OpportunityPage(OpportunityService opportunities, DefinitionService definitions, LeadService leads,
                    UserService users, app.funnel.activity.ui.RecordWorkPanels work) {
        super("opportunity", "opportunities", "opportunityId");
        this.opportunities = opportunities;
        this.definitions = definitions;
        this.leads = leads;
        this.users = users;
        this.work = work;
    }

    @Override
    protected Component record(long id, RecordFrame frame) {
        return new OpportunityRecord(opportunities, definitions, leads, users, work, opportunities.get(id), () -> { },
                frame);
    }

    @Override
    protected String backKey() {
        return "record.back-to-deals";
    }

    @Override
    public String viewHeader() {
        return getTranslation("menu.opportunities");
    }
}
