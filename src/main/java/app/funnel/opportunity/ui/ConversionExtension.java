package app.funnel.opportunity.ui;

import app.funnel.definition.DefinitionService;
import app.funnel.lead.LeadDetails;
import app.funnel.lead.LeadService;
import app.funnel.lead.LeadStatus;
import app.funnel.lead.ui.LeadExtension;
import app.funnel.opportunity.OpportunityService;
import app.funnel.security.CurrentUser;
import app.funnel.security.Role;
import app.funnel.user.UserService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * On a lead's dialog: "Convert to opportunity" for an SQL (its sales owner or leadership), and
 * the way to the deal for a converted lead.
 */
@Component
class ConversionExtension implements LeadExtension {

    private final OpportunityService opportunities;
    private final LeadService leads;
    private final DefinitionService definitions;
    private final UserService users;

    ConversionExtension(OpportunityService opportunities, LeadService leads, DefinitionService definitions,
                        UserService users) {
        this.opportunities = opportunities;
        this.leads = leads;
        this.definitions = definitions;
        this.users = users;
    }

    @Override
    public List<com.vaadin.flow.component.Component> actions(LeadDetails lead, Runnable changed) {
        CurrentUser me = CurrentUser.require();
        if (lead.status() == LeadStatus.SQL && (me.has(Role.LEADERSHIP) || me.has(Role.SALES)
                && users.byUsername(me.username()).map(u -> u.id() == lead.ownerId()).orElse(false))) {
            Button convert = new Button(UI.getCurrent().getTranslation("opportunity.convert"), e ->
                    new ConvertDialog(opportunities, leads, definitions, lead, id -> {
                        changed.run();
                        UI.getCurrent().navigate("opportunities/" + id);
                    }).open());
            convert.addThemeVariants(ButtonVariant.PRIMARY);
            convert.setId("lead-convert");
            return List.of(convert);
        }
        if (lead.status() == LeadStatus.CONVERTED) {
            return leads.opportunityOf(lead.id()).<List<com.vaadin.flow.component.Component>>map(id -> {
                Button open = new Button(UI.getCurrent().getTranslation("opportunity.open-deal"),
                        e -> UI.getCurrent().navigate("opportunities/" + id));
                open.setId("lead-opportunity");
                return List.of(open);
            }).orElse(List.of());
        }
        return List.of();
    }
}
