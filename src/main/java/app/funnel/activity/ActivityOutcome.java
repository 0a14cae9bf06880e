package app.funnel.activity;

/** How a call, an e-mail or a meeting went. */
public enum ActivityOutcome {
    CONNECTED, LEFT_MESSAGE, NO_ANSWER, WRONG_NUMBER,
    SENT, REPLIED, BOUNCED,
    HELD, NO_SHOW, RESCHEDULED
}
