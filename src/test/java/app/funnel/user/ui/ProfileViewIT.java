package app.funnel.user.ui;

import app.funnel.FunnelAppTest;
import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.base.DemoMode;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.PasswordField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.context.support.WithUserDetails;

@FunnelAppTest
@WithUserDetails("leadership")
class ProfileViewIT extends SpringBrowserlessTest {

    @Autowired
    UserDetailsService users;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void shows_the_account_of_the_logged_in_user() {
        navigate(ProfileView.class);
        assertThat(find(com.vaadin.flow.component.card.Card.class).withId("profile-account").single().getElement().getTextRecursively())
                .contains("leadership", "Lígia Leadership", "Leadership");
    }

    @Test
    void a_wrong_current_password_is_refused_on_that_field() {
        navigate(ProfileView.class);
        fill("not my password", "a brand new secret", "a brand new secret");
        PasswordField current = find(PasswordField.class).withId("current-password").single();
        assertThat(current.isInvalid()).isTrue();
        assertThat(current.getErrorMessage()).isEqualTo("That is not your current password.");
        assertStillDemoPassword();
    }

    @Test
    void a_mismatched_repeat_and_a_common_password_are_refused_before_reaching_the_service() {
        navigate(ProfileView.class);
        fill(DemoMode.DEMO_PASSWORD, "a brand new secret", "a different secret");
        assertThat(find(PasswordField.class).withId("repeat-password").single().getErrorMessage())
                .isEqualTo("The two new passwords differ.");
        fill(DemoMode.DEMO_PASSWORD, "sunshine", "sunshine");
        assertThat(find(PasswordField.class).withId("new-password").single().getErrorMessage())
                .contains("common passwords");
        fill(DemoMode.DEMO_PASSWORD, "x".repeat(129), "x".repeat(129));
        assertThat(find(PasswordField.class).withId("new-password").single().getErrorMessage())
                .isEqualTo("Use at most 128 characters.");
        assertStillDemoPassword();
    }

    @Test
    void the_password_changes_with_the_right_current_one() {
        navigate(ProfileView.class);
        fill(DemoMode.DEMO_PASSWORD, "a brand new secret", "a brand new secret");
        assertThat(encoder.matches("a brand new secret", users.loadUserByUsername("leadership").getPassword()))
                .isTrue();
        // put the demo password back for the other tests
        fill("a brand new secret", DemoMode.DEMO_PASSWORD, DemoMode.DEMO_PASSWORD);
        assertStillDemoPassword();
    }

    private void fill(String current, String fresh, String repeat) {
        test(find(PasswordField.class).withId("current-password").single()).setValue(current);
        test(find(PasswordField.class).withId("new-password").single()).setValue(fresh);
        test(find(PasswordField.class).withId("repeat-password").single()).setValue(repeat);
        test(find(Button.class).withId("change-password").single()).click();
    }

    private void assertStillDemoPassword() {
        assertThat(encoder.matches(DemoMode.DEMO_PASSWORD, users.loadUserByUsername("leadership").getPassword()))
                .isTrue();
    }
}
