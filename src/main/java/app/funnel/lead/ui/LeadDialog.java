package app.funnel.lead.ui;

import app.funnel.definition.DefinitionService;
import app.funnel.lead.LeadDetails;
import app.funnel.lead.LeadService;
import app.funnel.user.UserService;
import com.vaadin.flow.component.dialog.Dialog;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A lead in a dialog over the grid, for quick edits; {@code leads/123} shows it as a page ({@link LeadPage}). */
final class LeadDialog extends Dialog {

    LeadDialog(LeadService leads, DefinitionService definitions, UserService users, List<LeadExtension> extensions,
               app.funnel.activity.ui.RecordWorkPanels work, @Nullable LeadDetails lead, Runnable onChange) {
        setWidth("44rem");
        setId("lead-dialog");
        add(new LeadRecord(leads, definitions, users, extensions, work, lead, onChange,
                app.funnel.base.ui.RecordFrame.of(this)));
    }

    static void open(LeadService leads, DefinitionService definitions, UserService users, List<LeadExtension> extensions,
                     app.funnel.activity.ui.RecordWorkPanels work, LeadDetails lead, Runnable onChange) {
        new LeadDialog(leads, definitions, users, extensions, work, lead, onChange).open();
    }
}
