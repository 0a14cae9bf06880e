package app.funnel.base;

import org.springframework.stereotype.Component;

/**
 * Whether this installation runs with demo data (and so with the demo users and their well-known
 * password); the login page says so while it does.
 */
@Component
public class DemoMode {

    public static final String SETTING = "demo.loaded";
    /** The password of every demo user. */
    public static final String DEMO_PASSWORD = "funnel-demo";

    private final Settings settings;
    private volatile Boolean on;

    DemoMode(Settings settings) {
        this.settings = settings;
    }

    public boolean isOn() {
        Boolean cached = on;
        if (cached == null) {
            cached = settings.get(SETTING).map(Boolean::parseBoolean).orElse(false);
            on = cached;
        }
        return cached;
    }

    public void switchedOn() {
        settings.put(SETTING, "true");
        on = true;
    }
}
