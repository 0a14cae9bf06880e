package app.funnel.lead;

/** Where a lead came from; every lead keeps its source. */
public enum LeadSource {
    WEBSITE_FORM, NEWSLETTER, EVENT, REFERRAL, PURCHASED_LIST, OUTBOUND, PARTNER, SOCIAL, ADVERTISING, OTHER
}
