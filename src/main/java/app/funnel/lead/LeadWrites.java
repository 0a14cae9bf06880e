package app.funnel.lead;

import app.funnel.base.RecordTouched;
import app.funnel.statistics.LeadChanged;
import app.funnel.statistics.LeadFacts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one way a changed lead is written: flushed, moved in the tallies when what they count changed
 * (status, owner, source, handoff, first touch), and announced to open screens after the commit.
 */
@Component
class LeadWrites {

    private final LeadRepository leads;
    private final ApplicationEventPublisher events;

    LeadWrites(LeadRepository leads, ApplicationEventPublisher events) {
        this.leads = leads;
        this.events = events;
    }

    void flush(Lead lead) {
        leads.flush();
        LeadFacts before = lead.tallied();
        LeadFacts now = lead.facts();
        if (before != null) {
            events.publishEvent(new LeadChanged(before, now));
        }
        lead.rememberTallied();
        events.publishEvent(new RecordTouched(LeadService.RECORD, now.id(), lead.getOwnerId(), lead.getUpdatedBy()));
    }
}
