package app.funnel.user;

import app.funnel.FunnelAppTest;
import app.funnel.TestLogins;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.funnel.base.ConcurrentChangeException;
import app.funnel.base.InvalidInputException;
import app.funnel.security.ActiveSessions;
import app.funnel.security.Role;
import jakarta.servlet.http.HttpSessionEvent;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

@FunnelAppTest
class UserServiceIT {

    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    ActiveSessions sessions;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void admin_creates_a_user_whose_password_is_stored_as_a_bcrypt_hash() {
        TestLogins.as("admin", Role.ADMIN);
        String username = unique("rita");
        UserSummary created = users.create(new NewUser(username, "Rita Rocha", "rita@example.com",
                Set.of(Role.MARKETING, Role.SALES), "long enough secret"));

        assertThat(created.roles()).containsExactlyInAnyOrder(Role.MARKETING, Role.SALES);
        assertThat(created.enabled()).isTrue();
        String hash = userDetails.loadUserByUsername(username).getPassword();
        assertThat(hash).startsWith("$2");
        assertThat(encoder.matches("long enough secret", hash)).isTrue();
    }

    @Test
    void names_with_accents_and_emoji_round_trip_through_mariadb() {
        TestLogins.as("admin", Role.ADMIN);
        UserSummary created = users.create(new NewUser(unique("joao"), "João Ávila 🚀", "joao@example.com.br",
                Set.of(Role.SALES), "pão de queijo quentinho"));

        assertThat(users.get(created.id()).displayName()).isEqualTo("João Ávila 🚀");
        assertThat(jdbc.queryForObject("SELECT display_name FROM app_user WHERE id = ?", String.class, created.id()))
                .isEqualTo("João Ávila 🚀");
    }

    @Test
    void a_taken_username_is_refused_on_the_username_field_ignoring_case() {
        TestLogins.as("admin", Role.ADMIN);
        String username = unique("dup");
        users.create(new NewUser(username, "First", "first@example.com", Set.of(Role.SALES), "first secret pass"));

        assertThatThrownBy(() -> users.create(new NewUser(username.toUpperCase(), "Second", "second@example.com",
                Set.of(Role.SALES), "second secret pass")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("username");
                    assertThat(e.messageKey()).isEqualTo("user.error.username-taken");
                });
        assertThat(users.count(username)).isEqualTo(1);
    }

    @Test
    void bad_input_is_refused_field_by_field_and_nothing_is_stored() {
        TestLogins.as("admin", Role.ADMIN);
        String username = unique("bad");
        assertRefused(new NewUser("a b", "Name", "x@example.com", Set.of(Role.SALES), "long enough secret"),
                "username");
        assertRefused(new NewUser(username, " ", "x@example.com", Set.of(Role.SALES), "long enough secret"),
                "displayName");
        assertRefused(new NewUser(username, "N".repeat(121), "x@example.com", Set.of(Role.SALES),
                "long enough secret"), "displayName");
        assertRefused(new NewUser(username, "Name", "not-an-email", Set.of(Role.SALES), "long enough secret"),
                "email");
        assertRefused(new NewUser(username, "Name", "x@example.com", Set.of(), "long enough secret"), "roles");
        assertRefused(new NewUser(username, "Name", "x@example.com", Set.of(Role.SALES), "short"), "password");
        assertRefused(new NewUser(username, "Name", "x@example.com", Set.of(Role.SALES), "password123"),
                "password");
        assertThat(users.count(username)).isZero();
    }

    @Test
    void a_stale_edit_is_refused_and_names_who_changed_the_user() {
        TestLogins.as("admin", Role.ADMIN);
        UserSummary created = users.create(new NewUser(unique("stale"), "Stale", "stale@example.com",
                Set.of(Role.SALES), "long enough secret"));
        users.update(created.id(), created.version(), new UserChanges("Fresh", "fresh@example.com", Set.of(Role.SALES)));

        assertThatThrownBy(() -> users.update(created.id(), created.version(),
                new UserChanges("Overwrite", "over@example.com", Set.of(Role.MARKETING))))
                .isInstanceOfSatisfying(ConcurrentChangeException.class,
                        e -> assertThat(e.changedBy()).isEqualTo("admin"));
        assertThat(users.get(created.id()).displayName()).isEqualTo("Fresh");
    }

    @Test
    void a_role_taken_away_stops_working_in_the_users_open_session_at_their_next_request() {
        TestLogins.as("admin", Role.ADMIN);
        String username = unique("demoted");
        UserSummary created = users.create(new NewUser(username, "Demoted", "demoted@example.com",
                Set.of(Role.SALES, Role.ADMIN), "long enough secret"));
        MockHttpSession session = new MockHttpSession();
        SecurityContext context = new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                username, null, Set.of(new SimpleGrantedAuthority("ROLE_SALES"), new SimpleGrantedAuthority("ROLE_ADMIN"))));
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        sessions.sessionCreated(new HttpSessionEvent(session));
        try {
            users.update(created.id(), created.version(), new UserChanges("Demoted", "demoted@example.com",
                    Set.of(Role.SALES)));

            SecurityContext now = (SecurityContext) session.getAttribute(
                    HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            assertThat(now.getAuthentication().getName()).isEqualTo(username);
            assertThat(now.getAuthentication().getAuthorities()).extracting(Object::toString)
                    .containsExactly("ROLE_SALES");
            // the next request of that session: an admin-only call is refused
            SecurityContextHolder.setContext(now);
            assertThatThrownBy(() -> users.list("", PageRequest.of(0, 10))).isInstanceOf(AccessDeniedException.class);
        } finally {
            sessions.sessionDestroyed(new HttpSessionEvent(session));
        }
    }

    @Test
    void disabling_a_user_ends_their_open_sessions_and_blocks_login() {
        TestLogins.as("admin", Role.ADMIN);
        String username = unique("gone");
        UserSummary created = users.create(new NewUser(username, "Gone", "gone@example.com", Set.of(Role.SALES),
                "long enough secret"));
        MockHttpSession session = new MockHttpSession();
        SecurityContext context = new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                username, null, Set.of(new SimpleGrantedAuthority("ROLE_SALES"))));
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        sessions.sessionCreated(new HttpSessionEvent(session));

        users.setEnabled(created.id(), created.version(), false);

        assertThat(session.isInvalid()).isTrue();
        assertThat(userDetails.loadUserByUsername(username).isEnabled()).isFalse();
    }

    @Test
    void an_admin_can_neither_disable_themselves_nor_drop_their_own_admin_role() {
        TestLogins.as("admin", Role.ADMIN);
        UserSummary me = users.me();
        assertThatThrownBy(() -> users.setEnabled(me.id(), me.version(), false))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("user.error.disable-self"));
        assertThatThrownBy(() -> users.update(me.id(), me.version(),
                new UserChanges(me.displayName(), me.email(), Set.of(Role.SALES))))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("user.error.own-admin-role"));
    }

    @Test
    void admin_resets_a_password_that_then_works() {
        TestLogins.as("admin", Role.ADMIN);
        String username = unique("reset");
        UserSummary created = users.create(new NewUser(username, "Reset", "reset@example.com", Set.of(Role.SALES),
                "long enough secret"));
        users.resetPassword(created.id(), created.version(), "another fine secret");
        assertThat(encoder.matches("another fine secret", userDetails.loadUserByUsername(username).getPassword()))
                .isTrue();
    }

    @Test
    void a_user_changes_their_own_password_only_with_the_current_one() {
        TestLogins.as("admin", Role.ADMIN);
        String username = unique("self");
        users.create(new NewUser(username, "Self", "self@example.com", Set.of(Role.MARKETING), "long enough secret"));
        TestLogins.as(username, Role.MARKETING);

        assertThatThrownBy(() -> users.changeOwnPassword("wrong current", "brand new secret"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("currentPassword"));
        assertThatThrownBy(() -> users.changeOwnPassword("long enough secret", "iloveyou"))
                .isInstanceOf(InvalidInputException.class);
        users.changeOwnPassword("long enough secret", "brand new secret");
        assertThat(encoder.matches("brand new secret", userDetails.loadUserByUsername(username).getPassword()))
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"MARKETING", "SALES", "LEADERSHIP"})
    void only_admin_may_administer_users(Role role) {
        TestLogins.as("someone", role);
        var changes = new UserChanges("X", "x@example.com", Set.of(Role.SALES));
        assertThatThrownBy(() -> users.list("", PageRequest.of(0, 10))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.count("")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.get(1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.create(new NewUser(unique("x"), "X", "x@example.com", Set.of(role),
                "long enough secret"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.update(1, 0, changes)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.setEnabled(1, 0, false)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.resetPassword(1, 0, "long enough secret"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anonymous_callers_are_refused_everything() {
        assertThatThrownBy(() -> users.me()).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> users.changeOwnPassword("a", "b"))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> users.list("", PageRequest.of(0, 10)))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void the_user_list_filters_by_name_username_or_email_in_the_database() {
        TestLogins.as("admin", Role.ADMIN);
        String marker = unique("zq");
        users.create(new NewUser(marker + "a", "Filter One", "one@" + marker + ".com", Set.of(Role.SALES),
                "long enough secret"));
        users.create(new NewUser(unique("other"), "Zed " + marker, "two@example.com", Set.of(Role.SALES),
                "long enough secret"));

        assertThat(users.count(marker)).isEqualTo(2);
        assertThat(users.list(marker.toUpperCase(), PageRequest.of(0, 1))).hasSize(1);
    }

    private void assertRefused(NewUser input, String field) {
        assertThatThrownBy(() -> users.create(input))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    static String unique(String prefix) {
        return prefix + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    }
}
