package app.funnel.definition;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The terms the company defines: lead statuses, the opportunity itself, and each opportunity stage. */
public enum Term {
    LEAD(Group.LEADS),
    MQL(Group.LEADS),
    SQL(Group.LEADS),
    OPPORTUNITY(Group.OPPORTUNITIES),
    QUALIFICATION(Group.STAGES),
    PROPOSAL(Group.STAGES),
    QUOTE(Group.STAGES),
    NEGOTIATION(Group.STAGES),
    CLOSED_WON(Group.STAGES),
    CLOSED_LOST(Group.STAGES);

    /** How the Definitions page groups the terms. */
    public enum Group { LEADS, OPPORTUNITIES, STAGES }

    private final Group group;

    Term(Group group) {
        this.group = group;
    }

    public Group group() {
        return group;
    }

    public boolean isStage() {
        return group == Group.STAGES;
    }

    /** Open stages carry an editable default probability (0-99). */
    public boolean isOpenStage() {
        return isStage() && this != CLOSED_WON && this != CLOSED_LOST;
    }

    /** Won is always 100 and Lost always 0; other terms have no fixed probability. */
    public @Nullable Integer fixedProbability() {
        return switch (this) {
            case CLOSED_WON -> 100;
            case CLOSED_LOST -> 0;
            default -> null;
        };
    }

    /** Only SQL carries the first-touch deadline (the marketing-to-sales handoff SLA). */
    public boolean hasSla() {
        return this == SQL;
    }

    public static List<Term> inGroup(Group group) {
        return java.util.Arrays.stream(values()).filter(t -> t.group == group).toList();
    }
}
