package app.funnel.security;

import java.time.Instant;
import org.springframework.security.authentication.LockedException;

/** A login refused because of too many failed tries; carries when the lock ends. */
public class LoginLockedException extends LockedException {

    private final LoginThrottle.Lock lock;

    public LoginLockedException(LoginThrottle.Lock lock) {
        super(lock.kind() == LoginThrottle.Lock.Kind.USERNAME
                ? "Too many failed logins for this username; try again after " + lock.until()
                : "Too many failed logins from this address; try again after " + lock.until());
        this.lock = lock;
    }

    public LoginThrottle.Lock.Kind kind() {
        return lock.kind();
    }

    public Instant until() {
        return lock.until();
    }
}
