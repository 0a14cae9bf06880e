package app.funnel.lead;

import app.funnel.base.StageTally;
import app.funnel.demo.DemoContext;
import app.funnel.demo.DemoDataContributor;
import org.springframework.stereotype.Component;

/**
 * Last of the demo data: every lead's funnel reach from the history rows the demo leads and deals
 * were written with, the lead tally counted again with it, and the history events counted.
 */
@Component
class LeadReachDemoData implements DemoDataContributor {

    private final LeadTally tally;
    private final StageTally stages;

    LeadReachDemoData(LeadTally tally, StageTally stages) {
        this.tally = tally;
        this.stages = stages;
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public void contribute(DemoContext context) {
        tally.recomputeReach();
        tally.rebuild();
        stages.rebuild();
    }
}
