package app.funnel.opportunity.ui;

import app.funnel.definition.DefinitionService;
import app.funnel.lead.LeadService;
import app.funnel.opportunity.OpportunityDetails;
import app.funnel.opportunity.OpportunityService;
import app.funnel.user.UserService;
import com.vaadin.flow.component.dialog.Dialog;

/** A deal in a dialog over the grid or the board, for quick edits; {@code opportunities/45} is its page. */
final class OpportunityDialog extends Dialog {

    OpportunityDialog(OpportunityService opportunities, DefinitionService definitions, LeadService leads,
                      UserService users, app.funnel.activity.ui.RecordWorkPanels work, OpportunityDetails deal,
                      Runnable onChange) {
        setId("opportunity-dialog");
        setWidth("48rem");
        add(new OpportunityRecord(opportunities, definitions, leads, users, work, deal, onChange,
                app.funnel.base.ui.RecordFrame.of(this)));
    }
}
