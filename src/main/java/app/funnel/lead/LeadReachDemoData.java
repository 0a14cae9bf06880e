package app.funnel.lead;

import app.funnel.demo.DemoContext;
import app.funnel.demo.DemoDataContributor;
import org.springframework.stereotype.Component;

/**
 * Last of the demo data: every lead's funnel reach from the history rows the demo leads and deals
 * were written with, and the lead tally counted again with it.
 */
@Component
class LeadReachDemoData implements DemoDataContributor {

    private final LeadTally tally;

    LeadReachDemoData(LeadTally tally) {
        this.tally = tally;
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public void contribute(DemoContext context) {
        tally.recomputeReach();
        tally.rebuild();
    }
}
