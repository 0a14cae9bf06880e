package app.funnel.security;

import java.time.Instant;
import org.springframework.security.authentication.LockedException;

/** A try refused before its password was checked, because it came too early; carries when to try again. */
public class LoginLockedException extends LockedException {

    private final LoginThrottle.Lock lock;

    public LoginLockedException(LoginThrottle.Lock lock) {
        super(lock.kind() == LoginThrottle.Lock.Kind.USERNAME
                ? "Failed logins for this username: wait until " + lock.until() + " before the next try"
                : "Too many tries at unknown usernames from this address; try again after " + lock.until());
        this.lock = lock;
    }

    public LoginThrottle.Lock.Kind kind() {
        return lock.kind();
    }

    public Instant until() {
        return lock.until();
    }
}
