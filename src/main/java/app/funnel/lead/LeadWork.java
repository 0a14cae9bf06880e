package app.funnel.lead;

import app.funnel.activity.ActivityLogged;
import app.funnel.activity.WorkItem;
import app.funnel.activity.WorkRecords;
import app.funnel.security.Role;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Leads as the rep's day works on them: who may log on a lead and plan its follow-ups is who may
 * work it in its status (marketing before the handoff, its sales owner after); the first call,
 * e-mail or meeting logged on an SQL is its first touch.
 */
@Component
class LeadWork implements WorkRecords {

    private final LeadRepository leads;
    private final JdbcTemplate jdbc;

    private final java.time.Clock clock;
    private final LeadWrites writes;

    LeadWork(LeadRepository leads, JdbcTemplate jdbc, LeadWrites writes, java.time.Clock clock) {
        this.writes = writes;
        this.clock = clock;
        this.leads = leads;
        this.jdbc = jdbc;
    }

    @Override
    public String recordType() {
        return LeadService.RECORD;
    }

    @Override
    public Optional<WorkItem> find(long id) {
        return leads.findById(id).map(LeadWork::item);
    }

    static WorkItem item(Lead lead) {
        LeadStatus status = lead.getStatus();
        Set<Role> roles = switch (status) {
            case NEW, MQL, DISQUALIFIED -> Set.of(Role.MARKETING);
            case SQL, CONVERTED -> Set.of(Role.SALES);
        };
        boolean ownerOnly = switch (status) {
            case NEW, MQL, DISQUALIFIED -> false;
            case SQL, CONVERTED -> true;
        };
        return new WorkItem(LeadService.RECORD, java.util.Objects.requireNonNull(lead.getId()),
                (lead.getFirstName() + " " + lead.getLastName()).strip(), lead.getOwnerId(), status.name(), roles,
                ownerOnly, status == LeadStatus.SQL);
    }

    @Override
    public String path(long id) {
        return "leads/" + id;
    }

    @Override
    public Map<Long, String> names(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query("SELECT id, CONCAT(first_name, ' ', last_name) FROM leads WHERE id IN ("
                    + String.join(",", java.util.Collections.nCopies(ids.size(), "?")) + ")", rs -> {
                names.put(rs.getLong(1), rs.getString(2));
            }, ids.toArray());
        }
        return names;
    }

    /** The first call, e-mail or meeting on an SQL stops its first-touch clock, as accepting it does. */
    @EventListener
    void logged(ActivityLogged activity) {
        if (!activity.recordType().equals(LeadService.RECORD) || !activity.kind().touchesThePerson()) {
            return;
        }
        leads.findById(activity.recordId()).ifPresent(lead -> {
            if (lead.getStatus() == LeadStatus.SQL && lead.getFirstTouchAt() == null) {
                // a call logged later counts when it happened, but never before the lead was handed over
                java.time.Instant handedOver = lead.getHandedOverAt();
                lead.setFirstTouchAt(handedOver != null && activity.occurredAt().isBefore(handedOver)
                        ? handedOver : activity.occurredAt());
                lead.touched(clock.instant(), activity.by());
                // the first touch is counted (handoff to first touch): written as every lead change is
                writes.flush(lead);
            }
        });
    }
}
