package app.funnel.demo;

import app.funnel.lead.LeadStatus;
import app.funnel.statistics.TallyRebuilds;
import org.springframework.stereotype.Component;

/**
 * Last of the demo data: every lead's funnel reach from its status history (the deals' data moves
 * it on for their stages), then the lead tally counted again with it and
 * the history events counted (the deals' data counted its tally).
 */
@Component
class LeadReachDemoData implements DemoDataContributor {

    private final TallyRebuilds rebuilds;

    LeadReachDemoData(TallyRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public void contribute(DemoContext context) {
        context.jdbc().update("UPDATE leads l JOIN (SELECT record_id, MAX("
                + LeadStatus.LIFECYCLE.stepCodeSql("to_stage") + ") AS r FROM stage_change WHERE record_type = '"
                + LeadStatus.LIFECYCLE.recordType() + "' GROUP BY record_id) h ON h.record_id = l.id "
                + "SET l.reach = GREATEST(l.reach, h.r)");
        rebuilds.leads();
        rebuilds.history();
    }
}
