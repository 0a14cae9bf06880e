package app.funnel.lead.ui;

import app.funnel.base.ui.RecordFrame;
import app.funnel.base.ui.RecordPage;
import app.funnel.definition.DefinitionService;
import app.funnel.lead.LeadService;
import app.funnel.security.Roles;
import app.funnel.user.UserService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * {@code leads/123}: one lead as a page of its own (fields, status and its definition, duplicates,
 * referral chain, signals, actions, activities and follow-ups, history) that can be linked,
 * bookmarked and printed. The grid opens the same record in a dialog for quick edits.
 */
@Route("leads/:leadId([0-9]{1,18})")
@RolesAllowed({Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP, Roles.ADMIN})
final class LeadPage extends RecordPage {

    private final LeadService leads;
    private final DefinitionService definitions;
    private final UserService users;
    private final List<LeadExtension> extensions;
    private final app.funnel.activity.ui.RecordWorkPanels work;

    LeadPage(LeadService leads, DefinitionService definitions, UserService users, List<LeadExtension> extensions,
             app.funnel.activity.ui.RecordWorkPanels work) {
        super("lead", "leads", "leadId");
        this.leads = leads;
        this.definitions = definitions;
        this.users = users;
        this.extensions = extensions;
        this.work = work;
    }

    @Override
    protected Component record(long id, RecordFrame frame) {
        return new LeadRecord(leads, definitions, users, extensions, work, leads.get(id), () -> { }, frame);
    }

    @Override
    protected String backKey() {
        return "record.back-to-leads";
    }

    @Override
    public String viewHeader() {
        return getTranslation("menu.leads");
    }
}
