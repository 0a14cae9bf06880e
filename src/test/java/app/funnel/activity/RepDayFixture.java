package app.funnel.activity;

import app.funnel.TestLogins;
import app.funnel.definition.Criterion;
import app.funnel.definition.DefinitionService;
import app.funnel.definition.Term;
import app.funnel.lead.LeadDetails;
import app.funnel.lead.LeadInput;
import app.funnel.lead.LeadService;
import app.funnel.lead.LeadSource;
import app.funnel.security.Role;
import app.funnel.user.UserService;
import java.util.List;

/** Leads in the states the rep's-day tests need, made through the services as users make them. */
public record RepDayFixture(LeadService leads, DefinitionService definitions, UserService users) {

    /** A new lead of marketing's, with a name of its own. */
    public LeadDetails newLead(String last) {
        TestLogins.as("marketing", Role.MARKETING);
        String tag = last + System.nanoTime();
        return leads.create(new LeadInput("Rita", tag, "rita" + System.nanoTime() + "@example.org", null, "Acme " + tag,
                "CFO", null, LeadSource.EVENT, null, null), true);
    }

    /** A lead handed over by marketing to the given sales user; the caller is logged in as marketing after. */
    public LeadDetails sqlOf(String salesUser, String last) {
        LeadDetails lead = newLead(last);
        confirmAll(lead.id(), Term.MQL);
        LeadDetails mql = leads.qualify(lead.id(), lead.version());
        confirmAll(lead.id(), Term.SQL);
        return leads.handOver(mql.id(), mql.version(), id(salesUser));
    }

    public long id(String username) {
        return users.byUsername(username).orElseThrow().id();
    }

    private void confirmAll(long leadId, Term term) {
        List<String> codes = definitions.entry(definitions.currentVersion(), term).criteria().stream()
                .map(Criterion::code).toList();
        leads.confirmCriteria(leadId, codes);
    }
}
