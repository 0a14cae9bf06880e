package app.funnel.security.ui;

import app.funnel.FunnelAppTest;
import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.shell.MainLayout;
import app.funnel.security.LoginLockedException;
import app.funnel.security.LoginThrottle;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.security.web.WebAttributes;

@FunnelAppTest
class LoginViewIT extends SpringBrowserlessTest {

    @Test
    @WithAnonymousUser
    void anonymous_visitors_get_the_login_form_posting_to_spring_security_and_the_demo_hint() {
        navigate(LoginView.class);
        LoginForm form = find(LoginForm.class).single();
        assertThat(form.getAction()).isEqualTo("login");
        assertThat(form.isError()).isFalse();
        assertThat(find(Div.class).withId("demo-hint").single().getElement().getTextRecursively())
                .contains("admin", "marketing", "sales", "leadership", "funnel-demo");
    }

    @Test
    @WithAnonymousUser
    void a_wrong_password_shows_the_incorrect_credentials_message() {
        VaadinSession.getCurrent().getSession()
                .setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, new BadCredentialsException("bad"));
        openWithError();
        LoginForm form = find(LoginForm.class).single();
        assertThat(form.isError()).isTrue();
        assertThat(i18nOf(form)).contains("Incorrect username or password");
    }

    @Test
    @WithAnonymousUser
    void a_slowed_down_username_is_told_how_many_seconds_to_wait() {
        Instant until = Instant.now().plus(8, ChronoUnit.SECONDS);
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION,
                new LoginLockedException(new LoginThrottle.Lock(LoginThrottle.Lock.Kind.USERNAME, until)));
        openWithError();
        LoginForm form = find(LoginForm.class).single();
        assertThat(form.isError()).isTrue();
        assertThat(i18nOf(form)).contains("Wait a moment", "this username waits between tries",
                "the right password then works");
        assertThat(i18nOf(form)).containsPattern("in [89] seconds");
    }

    @Test
    @WithAnonymousUser
    void an_address_refused_for_unknown_usernames_is_told_until_when() {
        Instant until = Instant.now().plus(15, ChronoUnit.MINUTES);
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION,
                new LoginLockedException(new LoginThrottle.Lock(LoginThrottle.Lock.Kind.ADDRESS, until)));
        openWithError();
        assertThat(i18nOf(find(LoginForm.class).single())).contains("usernames that do not exist", "15 minutes");
    }

    @Test
    @WithUserDetails("sales")
    void a_logged_in_user_opening_the_login_page_is_sent_home() {
        navigate("login", com.vaadin.flow.component.Component.class);
        assertThat(getCurrentView().getClass().getSimpleName()).isEqualTo("HomeView");
        assertThat(find(MainLayout.class).exists()).isTrue();
    }

    /** The texts the login form shows, as sent to the browser. */
    private static String i18nOf(LoginForm form) {
        return String.valueOf(form.getElement().getPropertyRaw("i18n"));
    }

    private void openWithError() {
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
    }
}
