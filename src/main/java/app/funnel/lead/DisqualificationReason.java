package app.funnel.lead;

/** Why a lead was disqualified. */
public enum DisqualificationReason {
    FAKE_OR_INVALID_CONTACT, DUPLICATE, NOT_A_FIT, NO_INTEREST, OTHER
}
