package app.funnel.user;

import app.funnel.security.Role;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On first start with no users (and no demo data), creates the {@code admin} user with the
 * password from {@code FUNNEL_ADMIN_PASSWORD}, or a random one printed once in the log.
 * Runs after the demo loader.
 */
@Component
@Order(100)
class InitialAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final Clock clock;
    private final String configuredPassword;

    InitialAdmin(AppUserRepository users, PasswordEncoder encoder, PasswordPolicy policy, Clock clock,
                 app.funnel.base.FunnelProperties properties) {
        this.users = users;
        this.encoder = encoder;
        this.policy = policy;
        this.clock = clock;
        this.configuredPassword = properties.adminPassword();
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        String password = configuredPassword;
        boolean generated = password.isEmpty();
        if (generated) {
            password = randomPassword();
        } else if (policy.problem(password, "admin").isPresent()) {
            throw new IllegalStateException("FUNNEL_ADMIN_PASSWORD is not acceptable: it must have "
                    + PasswordPolicy.MIN_LENGTH + " to " + PasswordPolicy.MAX_LENGTH
                    + " characters, not be a common password and not be 'admin'");
        }
        users.save(new AppUser("admin", "Administrator", "admin@localhost.invalid", encoder.encode(password),
                Set.of(Role.ADMIN), clock.instant(), "system"));
        if (generated) {
            log.warn("Created the first user 'admin' with the password: {}  (shown only this once; "
                    + "change it under Profile, or set FUNNEL_ADMIN_PASSWORD before the first start)", password);
        } else {
            log.info("Created the first user 'admin' with the password from FUNNEL_ADMIN_PASSWORD");
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
