package app.funnel.lead;

/** An interest signal a lead gave, recorded with its time. */
public enum SignalKind {
    NEWSLETTER_SIGNUP, CONTACT_FORM, FREE_TRIAL, DEMO_REQUEST, EVENT_VISIT
}
