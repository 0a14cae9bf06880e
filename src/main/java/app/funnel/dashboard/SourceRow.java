package app.funnel.dashboard;

import app.funnel.lead.LeadSource;

/** A source's leads in a cohort, and how many of them became opportunities and were won. */
public record SourceRow(LeadSource source, long leads, long opportunities, long won) {
}
