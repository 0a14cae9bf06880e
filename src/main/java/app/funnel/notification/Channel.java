package app.funnel.notification;

/** Where a kind of notification reaches a user. */
public enum Channel {
    IN_APP, EMAIL, BOTH, OFF;

    public boolean inApp() {
        return this == IN_APP || this == BOTH;
    }

    public boolean mail() {
        return this == EMAIL || this == BOTH;
    }
}
