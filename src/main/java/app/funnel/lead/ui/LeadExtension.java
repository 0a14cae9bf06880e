package app.funnel.lead.ui;

import app.funnel.lead.LeadDetails;
import com.vaadin.flow.component.Component;
import java.util.List;

/**
 * What another feature adds to a lead's dialog (the opportunities feature: converting an SQL, and
 * the link from a converted lead to its deal), without the leads feature depending on it.
 * Implementations are Spring beans; they build new components on every call.
 */
public interface LeadExtension {

    /**
     * Components for the lead's actions.
     *
     * @param changed to call after the lead was changed, so that the dialog and grid show it
     */
    List<Component> actions(LeadDetails lead, Runnable changed);
}
