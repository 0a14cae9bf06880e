package app.funnel.user.ui;

import app.funnel.base.InvalidInputException;
import app.funnel.base.ui.Fields;
import app.funnel.base.ui.Messages;
import app.funnel.user.PasswordPolicy;
import app.funnel.user.UserService;
import app.funnel.user.UserSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import java.util.stream.Collectors;

/** Everyone's own account: who they are, and a form to change their password. */
@Route("profile")
@Menu(order = 100, title = "menu.profile", icon = "vaadin:user")
@PermitAll
final class ProfileView extends Main implements HasDynamicTitle {

    /** The browser tab in the user's language. */
    @Override
    public String getPageTitle() {
        return getTranslation("menu.profile") + " · " + getTranslation("app.name");
    }

    /** The bean behind the password form. */
    public static final class PasswordChange {
        private String currentPassword = "";
        private String newPassword = "";
        private String repeatPassword = "";

        public String getCurrentPassword() {
            return currentPassword;
        }

        public void setCurrentPassword(String currentPassword) {
            this.currentPassword = currentPassword;
        }

        public String getNewPassword() {
            return newPassword;
        }

        public void setNewPassword(String newPassword) {
            this.newPassword = newPassword;
        }

        public String getRepeatPassword() {
            return repeatPassword;
        }

        public void setRepeatPassword(String repeatPassword) {
            this.repeatPassword = repeatPassword;
        }
    }

    ProfileView(UserService users, PasswordPolicy policy) {
        addClassName("funnel-view");
        UserSummary me = users.me();

        com.vaadin.flow.component.card.Card account = new com.vaadin.flow.component.card.Card();
        account.addClassNames("funnel-card", "funnel-form");
        account.setId("profile-account");
        account.add(new H2(getTranslation("profile.account")),
                line("profile.username", me.username()),
                line("profile.name", me.displayName()),
                line("profile.email", me.email()),
                line("profile.roles", me.roles().stream().sorted().map(r -> getTranslation("role." + r.name()))
                        .collect(Collectors.joining(", "))));
        add(account);

        PasswordField current = Fields.password(getTranslation("profile.current"), PasswordPolicy.MAX_LENGTH);
        current.setId("current-password");
        PasswordField fresh = Fields.password(getTranslation("profile.new"), PasswordPolicy.MAX_LENGTH);
        fresh.setId("new-password");
        fresh.setHelperText(getTranslation("users.field.password.helper"));
        PasswordField repeat = Fields.password(getTranslation("profile.repeat"), PasswordPolicy.MAX_LENGTH);
        repeat.setId("repeat-password");

        Binder<PasswordChange> binder = new Binder<>(PasswordChange.class);
        binder.forField(current).asRequired(getTranslation("field.required")).bind("currentPassword");
        binder.forField(fresh).asRequired(getTranslation("field.required"))
                .withValidator(new PasswordPolicyValidator(policy, me::username, this))
                .bind("newPassword");
        binder.forField(repeat).asRequired(getTranslation("field.required"))
                .withValidator(value -> value.equals(fresh.getValue()), getTranslation("password.error.mismatch"))
                .bind("repeatPassword");
        PasswordChange bean = new PasswordChange();
        binder.readBean(bean);

        Button change = new Button(getTranslation("profile.submit"), e -> {
            if (!binder.writeBeanIfValid(bean)) {
                return;
            }
            try {
                users.changeOwnPassword(bean.getCurrentPassword(), bean.getNewPassword());
                binder.readBean(new PasswordChange());
                Messages.success(getTranslation("profile.changed"));
            } catch (InvalidInputException problem) {
                Messages.show(this, problem, binder, Map.of("password", fresh));
            }
        });
        change.setId("change-password");
        change.addThemeVariants(ButtonVariant.PRIMARY);

        FormLayout form = new FormLayout(current, fresh, repeat);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        com.vaadin.flow.component.card.Card passwordCard = new com.vaadin.flow.component.card.Card();
        passwordCard.add(new H2(getTranslation("profile.change-password")), form, change);
        passwordCard.addClassNames("funnel-card", "funnel-form");
        add(passwordCard);
    }

    private Div line(String labelKey, String value) {
        Span label = new Span(getTranslation(labelKey) + ": ");
        label.addClassName("funnel-muted");
        return new Div(label, new Span(value));
    }
}
