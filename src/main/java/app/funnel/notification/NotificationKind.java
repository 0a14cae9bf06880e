package app.funnel.notification;

/** What a notification says happened; each user chooses a {@link Channel} per kind. */
public enum NotificationKind {
    SQL_HANDED_OVER(Channel.BOTH),
    SQL_RETURNED(Channel.IN_APP),
    REASSIGNED(Channel.IN_APP),
    FOLLOW_UP_ASSIGNED(Channel.IN_APP),
    FOLLOW_UP_DUE(Channel.BOTH),
    SLA_SOON(Channel.BOTH),
    DEAL_MOVED(Channel.IN_APP),
    DEFINITION_PUBLISHED(Channel.IN_APP);

    private final Channel byDefault;

    NotificationKind(Channel byDefault) {
        this.byDefault = byDefault;
    }

    /** The channel of a user who did not choose. */
    public Channel byDefault() {
        return byDefault;
    }
}
