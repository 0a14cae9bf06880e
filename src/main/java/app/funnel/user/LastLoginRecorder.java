package app.funnel.user;

import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Stamps a user's last-login time on every successful login. */
@Component
class LastLoginRecorder {

    private final AppUserRepository users;
    private final Clock clock;

    LastLoginRecorder(AppUserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    void onLogin(AuthenticationSuccessEvent event) {
        users.recordLogin(event.getAuthentication().getName(), clock.instant());
    }
}
