package app.funnel.opportunity;

import app.funnel.activity.WorkItem;
import app.funnel.activity.WorkRecords;
import app.funnel.security.Role;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Deals as the rep's day works on them: their sales owner (and leadership) logs and plans on them. */
@Component
class OpportunityWork implements WorkRecords {

    private final OpportunityRepository opportunities;

    OpportunityWork(OpportunityRepository opportunities) {
        this.opportunities = opportunities;
    }

    @Override
    public String recordType() {
        return OpportunityService.RECORD;
    }

    @Override
    public Optional<WorkItem> find(long id) {
        return opportunities.findById(id).map(o -> new WorkItem(OpportunityService.RECORD, id, o.getName(), o.getOwnerId(),
                o.getStage().name(), Set.of(Role.SALES), true, o.getStage().isOpen()));
    }

    @Override
    public String path(long id) {
        return "opportunities/" + id;
    }

    @Override
    public Map<Long, String> names(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        opportunities.findAllById(ids).forEach(o -> names.put(o.getId(), o.getName()));
        return names;
    }
}
