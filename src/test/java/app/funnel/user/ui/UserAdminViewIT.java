package app.funnel.user.ui;

import app.funnel.FunnelAppTest;
import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.security.Role;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@FunnelAppTest
@WithUserDetails("admin")
class UserAdminViewIT extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_grid_lists_users_from_the_database_and_filters_them() {
        navigate(UserAdminView.class);
        @SuppressWarnings("unchecked")
        Grid<app.funnel.user.UserSummary> grid = find(Grid.class).withId("users-grid").single();
        assertThat(test(grid).size()).isGreaterThanOrEqualTo(4);

        test(find(TextField.class).withId("user-search").single()).setValue("leadership");
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getRow(0).username()).isEqualTo("leadership");
    }

    @Test
    void an_admin_creates_a_user_through_the_dialog() {
        navigate(UserAdminView.class);
        String username = "vera" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        fillNewUser(username, "Vera Vieira", "vera@example.com", "a fine long secret");
        test(find(Button.class).withId("create-user").single()).click();

        assertThat(jdbc.queryForObject("SELECT display_name FROM app_user WHERE username = ?", String.class,
                username)).isEqualTo("Vera Vieira");
        assertThat(test(find(Notification.class).last()).getText()).contains(username);
    }

    @Test
    void a_duplicate_username_is_refused_next_to_the_field_and_the_dialog_stays_open() {
        navigate(UserAdminView.class);
        fillNewUser("sales", "Another Sales", "other@example.com", "a fine long secret");
        test(find(Button.class).withId("create-user").single()).click();

        TextField username = find(TextField.class).withId("new-username").single();
        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage()).isEqualTo("The username sales is taken; choose another.");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE display_name = 'Another Sales'",
                Integer.class)).isZero();
    }

    @Test
    void bad_input_gets_messages_on_the_fields_and_nothing_is_stored() {
        navigate(UserAdminView.class);
        String username = "bad" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        fillNewUser(username, "X".repeat(30), "not an e-mail", "password");
        test(find(Button.class).withId("create-user").single()).click();

        EmailField email = find(EmailField.class).withId("new-email").single();
        PasswordField password = find(PasswordField.class).withId("new-password").single();
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("Enter an e-mail address such as name@company.com.");
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).contains("common passwords");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM app_user WHERE username = ?", Integer.class, username))
                .isZero();
    }

    @Test
    void an_admin_edits_a_users_name_and_roles() {
        navigate(UserAdminView.class);
        String username = "edit" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        fillNewUser(username, "Before Edit", "edit@example.com", "a fine long secret");
        test(find(Button.class).withId("create-user").single()).click();

        test(find(TextField.class).withId("user-search").single()).setValue(username);
        @SuppressWarnings("unchecked")
        Grid<app.funnel.user.UserSummary> grid = find(Grid.class).withId("users-grid").single();
        test(grid).clickRow(0);
        test(find(TextField.class).withId("edit-display-name").single()).setValue("After Edit");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> roles = find(CheckboxGroup.class).withId("edit-roles").single();
        roles.setValue(Set.of(Role.LEADERSHIP));
        test(find(Button.class).withId("save-user").single()).click();

        assertThat(jdbc.queryForObject("SELECT display_name FROM app_user WHERE username = ?", String.class,
                username)).isEqualTo("After Edit");
        assertThat(jdbc.queryForList("SELECT r.role FROM app_user_role r JOIN app_user u ON u.id = r.user_id "
                + "WHERE u.username = ?", String.class, username)).containsExactly("LEADERSHIP");
    }

    private void fillNewUser(String username, String name, String email, String password) {
        test(find(Button.class).withId("new-user").single()).click();
        test(find(TextField.class).withId("new-username").single()).setValue(username);
        test(find(TextField.class).withId("new-display-name").single()).setValue(name);
        test(find(EmailField.class).withId("new-email").single()).setValue(email);
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> roles = find(CheckboxGroup.class).withId("new-roles").single();
        roles.setValue(Set.of(Role.SALES));
        test(find(PasswordField.class).withId("new-password").single()).setValue(password);
    }
}
