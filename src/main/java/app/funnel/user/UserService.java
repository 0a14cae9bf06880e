package app.funnel.user;

import app.funnel.base.ConcurrentChangeException;
import app.funnel.base.InvalidInputException;
import app.funnel.security.ActiveSessions;
import app.funnel.security.CurrentUser;
import app.funnel.security.Role;
import app.funnel.security.Roles;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and their roles. Administration is for ADMIN only; every logged-in user may read and
 * change their own password.
 */
@Service
public class UserService {

    private static final Logger log = LoggerFactory.getLogger(UserService.class);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    private final AppUserRepository users;
    /** For the names every grid and figure shows: one plain query, no entity manager or transaction (2 ms less each). */
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final ActiveSessions sessions;
    private final app.funnel.security.LoginThrottle throttle;
    private final Clock clock;

    private final java.util.Locale companyLocale;

    UserService(AppUserRepository users, PasswordEncoder encoder, PasswordPolicy policy, ActiveSessions sessions,
                Clock clock, app.funnel.security.LoginThrottle throttle,
                @org.springframework.beans.factory.annotation.Value("${funnel.language:en}") String companyLanguage,
                org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.companyLocale = java.util.Locale.forLanguageTag(companyLanguage);
        this.throttle = throttle;
        this.users = users;
        this.encoder = encoder;
        this.policy = policy;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_ADMIN)
    public List<UserSummary> list(String filter, Pageable pageable) {
        return users.search(normalizeFilter(filter), pageable).map(UserSummary::of).getContent();
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_ADMIN)
    public long count(String filter) {
        return users.countSearch(normalizeFilter(filter));
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_ADMIN)
    public UserSummary get(long id) {
        return UserSummary.of(load(id));
    }

    @Transactional
    @PreAuthorize(Roles.HAS_ADMIN)
    public UserSummary create(NewUser input) {
        String username = input.username() == null ? "" : input.username().trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw new InvalidInputException("username", "user.error.username-format");
        }
        if (users.existsByUsername(username)) {
            throw new InvalidInputException("username", "user.error.username-taken", username);
        }
        String displayName = checkDisplayName(input.displayName());
        String email = checkEmail(input.email());
        Set<Role> roles = checkRoles(input.roles());
        checkPassword(input.password(), username);
        AppUser user = new AppUser(username, displayName, email, encoder.encode(input.password()), roles,
                clock.instant(), actor());
        try {
            users.saveAndFlush(user);
        } catch (DataIntegrityViolationException e) {
            // another administrator created the same username a moment ago
            throw new InvalidInputException("username", "user.error.username-taken", username);
        }
        log.info("User {} created by {} with roles {}", username, actor(), roles);
        return UserSummary.of(user);
    }

    @Transactional
    @PreAuthorize(Roles.HAS_ADMIN)
    public UserSummary update(long id, long expectedVersion, UserChanges changes) {
        AppUser user = loadForChange(id, expectedVersion);
        String displayName = checkDisplayName(changes.displayName());
        String email = checkEmail(changes.email());
        Set<Role> roles = checkRoles(changes.roles());
        if (user.getRoles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
            if (user.getUsername().equals(actor())) {
                throw new InvalidInputException("roles", "user.error.own-admin-role");
            }
            if (user.isEnabled() && users.countEnabledWithRole(Role.ADMIN) <= 1) {
                throw new InvalidInputException("roles", "user.error.last-admin");
            }
        }
        boolean rolesChanged = !user.getRoles().equals(roles);
        user.setDisplayName(displayName);
        user.setEmail(email);
        user.setRoles(roles);
        user.touched(clock.instant(), actor());
        users.flush();
        if (rolesChanged) {
            // the user's open sessions run with the new roles from their next request on
            sessions.refreshRolesOf(user.getUsername(), Set.copyOf(roles));
            log.info("Roles of {} set to {} by {}", user.getUsername(), roles, actor());
        }
        return UserSummary.of(user);
    }

    /** Accounts with many failed logins in the last minutes (guessing slowed down, the account usable): for admins. */
    @PreAuthorize(Roles.HAS_ADMIN)
    public List<app.funnel.security.LoginThrottle.Attack> loginAttacks() {
        return throttle.underAttack();
    }

    /** Enables or disables a user; disabling ends the user's open sessions at once. */
    @Transactional
    @PreAuthorize(Roles.HAS_ADMIN)
    public UserSummary setEnabled(long id, long expectedVersion, boolean enabled) {
        AppUser user = loadForChange(id, expectedVersion);
        if (!enabled) {
            if (user.getUsername().equals(actor())) {
                throw new InvalidInputException("enabled", "user.error.disable-self");
            }
            if (user.isEnabled() && user.getRoles().contains(Role.ADMIN)
                    && users.countEnabledWithRole(Role.ADMIN) <= 1) {
                throw new InvalidInputException("enabled", "user.error.last-admin");
            }
        }
        user.setEnabled(enabled);
        user.touched(clock.instant(), actor());
        users.flush();
        if (!enabled) {
            sessions.endSessionsOf(user.getUsername());
        }
        log.info("User {} {} by {}", user.getUsername(), enabled ? "enabled" : "disabled", actor());
        return UserSummary.of(user);
    }

    /** Sets a new password chosen by an administrator; the user's open sessions end. */
    @Transactional
    @PreAuthorize(Roles.HAS_ADMIN)
    public UserSummary resetPassword(long id, long expectedVersion, String newPassword) {
        AppUser user = loadForChange(id, expectedVersion);
        checkPassword(newPassword, user.getUsername());
        user.setPasswordHash(encoder.encode(newPassword));
        user.touched(clock.instant(), actor());
        users.flush();
        if (!user.getUsername().equals(actor())) {
            sessions.endSessionsOf(user.getUsername());
        }
        log.info("Password of {} reset by {}", user.getUsername(), actor());
        return UserSummary.of(user);
    }

    /** Enabled users holding a role, by display name: for choosing an owner or a round-robin turn. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public List<UserSummary> enabledWithRole(Role role) {
        return app.funnel.base.BulkScope.readOnce("users.enabled." + role,
                () -> users.findEnabledWithRole(role).stream().map(UserSummary::of).toList());
    }

    /** Every user's display name by id, for showing owners. */
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public java.util.Map<Long, String> displayNames() {
        return app.funnel.base.BulkScope.readOnce("users.names", () -> {
            java.util.Map<Long, String> names = new java.util.HashMap<>();
            names(row -> names.put((Long) row[0], (String) row[2]));
            return java.util.Collections.unmodifiableMap(names);
        });
    }

    /** Every user's display name by username, for showing who did what. */
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public java.util.Map<String, String> displayNamesByUsername() {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        names(row -> names.put((String) row[1], (String) row[2]));
        return names;
    }

    /** Each user's id, username and display name. */
    private void names(java.util.function.Consumer<Object[]> row) {
        jdbc.query("SELECT id, username, display_name FROM app_user", rs -> {
            row.accept(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)});
        });
    }

    /** A user's username by id, for features that keep who did what by username. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public java.util.Optional<String> usernameOf(long id) {
        return users.findById(id).map(AppUser::getUsername);
    }

    /** An enabled user by id, with their roles: for checking that an assignee may work on a record. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public java.util.Optional<UserSummary> enabledUser(long id) {
        return users.findById(id).filter(AppUser::isEnabled).map(UserSummary::of);
    }

    /** Every enabled user's id: whom a published definition concerns. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public List<Long> enabledIds() {
        return users.findAll().stream().filter(AppUser::isEnabled).map(AppUser::getId)
                .filter(java.util.Objects::nonNull).toList();
    }

    /** Addresses and languages of enabled users, for the notification mails that scheduled work sends. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_SYSTEM)
    public java.util.Map<Long, Recipient> recipients(java.util.Collection<Long> ids) {
        java.util.Map<Long, Recipient> found = new java.util.HashMap<>();
        for (AppUser user : users.findAllById(ids)) {
            if (user.isEnabled() && user.getId() != null) {
                String tag = user.getLanguage();
                found.put(user.getId(), new Recipient(user.getId(), user.getUsername(), user.getDisplayName(),
                        user.getEmail(), tag == null ? companyLocale : java.util.Locale.forLanguageTag(tag)));
            }
        }
        return found;
    }

    /** Remembers the language the logged-in user works in (the UI's), for the mails Funnel writes them. */
    @Transactional
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public void rememberLanguage(java.util.Locale locale) {
        users.rememberLanguage(actor(), locale.toLanguageTag());
    }

    /** When the logged-in user last saw My work, and from now on: now. */
    @Transactional
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public java.util.Optional<java.time.Instant> myWorkSeen() {
        java.util.Optional<java.time.Instant> before = users.findByUsername(actor()).map(AppUser::getMyWorkSeenAt);
        users.myWorkSeen(actor(), clock.instant());
        return before;
    }

    /** The id of the logged-in user: from the login when it carries one, else by username. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public long currentId() {
        app.funnel.security.CurrentUser me = app.funnel.security.CurrentUser.require();
        if (me.userId() != null) {
            return me.userId();
        }
        return byUsername(me.username())
                .orElseThrow(() -> new IllegalStateException("The logged-in user no longer exists")).id();
    }

    /** A user by username, for features that store owners by id. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public java.util.Optional<UserSummary> byUsername(String username) {
        return users.findByUsername(username).map(UserSummary::of);
    }

    @Transactional(readOnly = true)
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public UserSummary me() {
        return UserSummary.of(users.findByUsername(actor())
                .orElseThrow(() -> new IllegalStateException("The logged-in user no longer exists")));
    }

    /** Changes the logged-in user's own password; the current one must be given. */
    @Transactional
    @PreAuthorize(Roles.IS_AUTHENTICATED)
    public void changeOwnPassword(String currentPassword, String newPassword) {
        AppUser user = users.findByUsername(actor())
                .orElseThrow(() -> new IllegalStateException("The logged-in user no longer exists"));
        if (currentPassword == null || !encoder.matches(currentPassword, user.getPasswordHash())) {
            throw new InvalidInputException("currentPassword", "password.error.current-wrong");
        }
        checkPassword(newPassword, user.getUsername());
        if (encoder.matches(newPassword, user.getPasswordHash())) {
            throw new InvalidInputException("newPassword", "password.error.same-as-current");
        }
        user.setPasswordHash(encoder.encode(newPassword));
        user.touched(clock.instant(), user.getUsername());
        log.info("User {} changed their password", user.getUsername());
    }

    private AppUser load(long id) {
        return users.findById(id).orElseThrow(() -> new InvalidInputException("id", "user.error.not-found", id));
    }

    private AppUser loadForChange(long id, long expectedVersion) {
        AppUser user = load(id);
        if (user.getVersion() != expectedVersion) {
            throw new ConcurrentChangeException("User " + user.getUsername(), user.getUpdatedBy(), user.getUpdatedAt());
        }
        return user;
    }

    private static String checkDisplayName(String value) {
        String name = app.funnel.base.Texts.clean(value == null ? "" : value.strip(), "displayName");
        if (name.isEmpty()) {
            throw new InvalidInputException("displayName", "user.error.display-name-required");
        }
        if (name.length() > 120) {
            throw new InvalidInputException("displayName", "user.error.display-name-too-long", 120);
        }
        return name;
    }

    private static String checkEmail(String value) {
        String email = value == null ? "" : value.strip();
        if (email.length() > 254) {
            throw new InvalidInputException("email", "user.error.email-too-long", 254);
        }
        if (!EMAIL.matcher(email).matches()) {
            throw new InvalidInputException("email", "user.error.email-format");
        }
        return email;
    }

    private static Set<Role> checkRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new InvalidInputException("roles", "user.error.roles-required");
        }
        return Set.copyOf(roles);
    }

    private void checkPassword(String password, String username) {
        policy.problem(password == null ? "" : password, username)
                .ifPresent(key -> {
                    throw new InvalidInputException("password", key, PasswordPolicy.MIN_LENGTH,
                            PasswordPolicy.MAX_LENGTH);
                });
    }

    private static String normalizeFilter(String filter) {
        return filter == null ? "" : filter.strip().toLowerCase(Locale.ROOT);
    }

    private static String actor() {
        return CurrentUser.require().username();
    }
}
