package app.funnel.lead;

/** Why a lead looks fake; a suspect lead can still be saved, and is shown with its reasons. */
public enum SuspectReason {
    INVALID_PHONE, PLACEHOLDER_EMAIL_DOMAIN, THROWAWAY_EMAIL_DOMAIN, PLACEHOLDER_NAME
}
