package app.funnel.activity;

import java.util.List;

/** What was done: a call, an e-mail, a meeting or a note. */
public enum ActivityKind {
    CALL(List.of(ActivityOutcome.CONNECTED, ActivityOutcome.LEFT_MESSAGE, ActivityOutcome.NO_ANSWER,
            ActivityOutcome.WRONG_NUMBER)),
    EMAIL(List.of(ActivityOutcome.SENT, ActivityOutcome.REPLIED, ActivityOutcome.BOUNCED)),
    MEETING(List.of(ActivityOutcome.HELD, ActivityOutcome.NO_SHOW, ActivityOutcome.RESCHEDULED)),
    NOTE(List.of());

    private final List<ActivityOutcome> outcomes;

    ActivityKind(List<ActivityOutcome> outcomes) {
        this.outcomes = outcomes;
    }

    /** The outcomes this kind may have (a note has none). */
    public List<ActivityOutcome> outcomes() {
        return outcomes;
    }

    /** Whether logging it on an SQL is a first touch of the person (a note is not). */
    public boolean touchesThePerson() {
        return switch (this) {
            case CALL, EMAIL, MEETING -> true;
            case NOTE -> false;
        };
    }
}
