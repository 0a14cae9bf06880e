package app.funnel.security.ui;

import app.funnel.base.DemoMode;
import app.funnel.security.LoginLockedException;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;

/**
 * The login page. Says why a login failed (wrong credentials, or locked out after too many tries)
 * and, while demo mode is on, which demo users exist.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public final class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return getTranslation("login.title");
    }

    private final LoginForm login = new LoginForm();
    private final AuthenticationContext authentication;
    private final Clock clock;

    LoginView(AuthenticationContext authentication, DemoMode demoMode, Clock clock) {
        this.authentication = authentication;
        this.clock = clock;
        addClassName("funnel-login");
        Div brand = new Div();
        brand.addClassName("funnel-brand");
        brand.add(new Image("icons/favicon.svg", ""), new Span(getTranslation("app.name")));
        Paragraph tagline = new Paragraph(getTranslation("app.tagline"));
        tagline.addClassNames("tagline", "funnel-muted");

        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        login.setI18n(i18n(null, null));
        add(brand, tagline, login);

        if (demoMode.isOn()) {
            Div hint = new Div();
            hint.setId("demo-hint");
            hint.addClassName("funnel-demo-hint");
            Paragraph warning = new Paragraph(getTranslation("login.demo.warning"));
            warning.addClassName("warning");
            hint.add(new H2(getTranslation("login.demo.title")), warning, new Paragraph(
                    getTranslation("login.demo.text", DemoMode.DEMO_PASSWORD)));
            add(hint);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (authentication.isAuthenticated()) {
            event.forwardTo("");
            return;
        }
        if (!event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            return;
        }
        WrappedSession session = VaadinSession.getCurrent().getSession();
        Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (failure instanceof LoginLockedException locked) {
            long seconds = Math.max(1, Duration.between(clock.instant(), locked.until()).toMillis() / 1000 + 1);
            String text = locked.kind() == app.funnel.security.LoginThrottle.Lock.Kind.USERNAME
                    ? getTranslation("login.locked.username", seconds)
                    : getTranslation("login.locked.address", time(locked.until()), Math.max(1, (seconds + 59) / 60));
            login.setI18n(i18n(getTranslation("login.locked.title"), text));
        } else if (failure instanceof org.springframework.security.authentication.InternalAuthenticationServiceException) {
            // the users could not be read (the database is away): not a wrong password
            login.setI18n(i18n(getTranslation("database.away.title"), getTranslation("login.database-away")));
        } else if (failure instanceof AuthenticationException) {
            login.setI18n(i18n(null, null));
        }
        login.setError(true);
    }

    private String time(Instant instant) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(app.funnel.base.ui.Messages.zone(getUI().orElse(null))).format(instant);
    }

    private LoginI18n i18n(String errorTitle, String errorMessage) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form form = i18n.getForm();
        form.setTitle(getTranslation("login.title"));
        form.setUsername(getTranslation("login.username"));
        form.setPassword(getTranslation("login.password"));
        form.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(errorTitle != null ? errorTitle : getTranslation("login.error.title"));
        error.setMessage(errorMessage != null ? errorMessage : getTranslation("login.error.message"));
        return i18n;
    }
}
