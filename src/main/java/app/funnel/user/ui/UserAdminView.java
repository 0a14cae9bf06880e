package app.funnel.user.ui;

import com.vaadin.flow.component.badge.Badge;
import app.funnel.base.ui.Badges;
import app.funnel.base.ConcurrentChangeException;
import app.funnel.base.InvalidInputException;
import app.funnel.base.ui.Fields;
import app.funnel.base.ui.Toolbar;
import app.funnel.base.ui.Messages;
import app.funnel.security.Role;
import app.funnel.security.Roles;
import app.funnel.user.NewUser;
import app.funnel.user.PasswordPolicy;
import app.funnel.user.UserChanges;
import app.funnel.user.UserService;
import app.funnel.user.UserSummary;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.EmailValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Collectors;

/** User administration: a lazily loaded grid of users; create, edit roles, disable, reset passwords. */
@Route("admin/users")
@Menu(order = 90, title = "menu.users", icon = "vaadin:users")
@RolesAllowed(Roles.ADMIN)
final class UserAdminView extends Main implements HasDynamicTitle {

    /** The browser tab in the user's language. */
    @Override
    public String getPageTitle() {
        return getTranslation("menu.users") + " · " + getTranslation("app.name");
    }

    private final UserService users;
    private final PasswordPolicy policy;
    private final Grid<UserSummary> grid = new Grid<>();
    private final TextField search = new TextField();

    UserAdminView(UserService users, PasswordPolicy policy) {
        this.users = users;
        this.policy = policy;
        addClassName("funnel-view");

        search.setPlaceholder(getTranslation("users.search"));
        search.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setMaxLength(100);
        search.setWidth("20rem");
        search.setId("user-search");
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        Button create = new Button(getTranslation("users.new"), new Icon(VaadinIcon.PLUS), e -> openCreate());
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setId("new-user");

        Toolbar toolbar = new Toolbar().end(search, create);

        grid.setId("users-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.addColumn(UserSummary::username).setHeader(getTranslation("users.col.username"))
                .setSortProperty("username").setAutoWidth(true);
        grid.addColumn(UserSummary::displayName).setHeader(getTranslation("users.col.name"))
                .setSortProperty("displayName").setAutoWidth(true);
        grid.addColumn(UserSummary::email).setHeader(getTranslation("users.col.email"))
                .setSortProperty("email").setAutoWidth(true);
        grid.addColumn(u -> u.roles().stream().sorted().map(r -> getTranslation("role." + r.name()))
                .collect(Collectors.joining(", "))).setHeader(getTranslation("users.col.roles"));
        grid.addComponentColumn(this::statusBadge).setHeader(getTranslation("users.col.status"))
                .setSortProperty("enabled").setAutoWidth(true);
        grid.addColumn(u -> u.lastLoginAt() == null ? getTranslation("users.never") : Messages.dateTime(u.lastLoginAt()))
                .setHeader(getTranslation("users.col.last-login")).setSortProperty("lastLoginAt").setAutoWidth(true);
        grid.addColumn(u -> Messages.dateTime(u.createdAt())).setHeader(getTranslation("users.col.created"))
                .setSortProperty("createdAt").setAutoWidth(true);
        grid.setItemsPageable(pageable -> users.list(search.getValue(), pageable),
                pageable -> users.count(search.getValue()));
        grid.addItemClickListener(e -> openEdit(users.get(e.getItem().id())));
        grid.setSizeFull();

        add(toolbar);
        for (var attack : users.loginAttacks()) {
            Div warning = new Div(new Span(getTranslation("users.attack", attack.username(), attack.failures(),
                    attack.addresses(), Messages.dateTime(attack.since()))));
            warning.addClassName("funnel-warning");
            warning.setId("login-attack-" + attack.username());
            add(warning);
        }
        add(grid);
    }

    private Component statusBadge(UserSummary user) {
        Badge badge = Badges.of(getTranslation(user.enabled() ? "users.status.enabled" : "users.status.disabled"), user.enabled() ? Badges.Tone.GOOD : Badges.Tone.BAD);
        return badge;
    }

    private void openCreate() {
        Dialog dialog = new Dialog(getTranslation("users.dialog.new"));
        dialog.setWidth("32rem");
        UserForm bean = new UserForm();
        Binder<UserForm> binder = new Binder<>(UserForm.class);

        TextField username = Fields.text(getTranslation("users.field.username"), 64);
        username.setId("new-username");
        username.setHelperText(getTranslation("users.field.username.helper"));
        binder.forField(username).asRequired(getTranslation("field.required"))
                .withValidator(v -> v.strip().matches("[a-zA-Z0-9][a-zA-Z0-9._-]{2,63}"),
                        getTranslation("user.error.username-format"))
                .bind("username");
        PasswordField password = Fields.password(getTranslation("users.field.password"), PasswordPolicy.MAX_LENGTH);
        password.setId("new-password");
        password.setHelperText(getTranslation("users.field.password.helper"));
        binder.forField(password).asRequired(getTranslation("field.required"))
                .withValidator(new PasswordPolicyValidator(policy, username::getValue, this))
                .bind("password");

        FormLayout form = new FormLayout();
        form.add(username);
        Component[] common = commonFields(binder, "new");
        form.add(common);
        form.add(password);
        binder.readBean(bean);

        Button save = new Button(getTranslation("users.create"), e -> {
            if (!binder.writeBeanIfValid(bean)) {
                return;
            }
            try {
                UserSummary created = users.create(new NewUser(bean.getUsername(), bean.getDisplayName(),
                        bean.getEmail(), bean.getRoles(), bean.getPassword()));
                dialog.close();
                grid.getDataProvider().refreshAll();
                Messages.success(getTranslation("users.created", created.username()));
            } catch (InvalidInputException problem) {
                Messages.show(this, problem, binder, Map.of());
            }
        });
        save.setId("create-user");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickShortcut(Key.ENTER);
        Button cancel = new Button(getTranslation("users.cancel"), e -> dialog.close());
        dialog.add(form);
        dialog.getFooter().add(cancel, save);
        dialog.open();
        username.focus();
    }

    private void openEdit(UserSummary user) {
        Dialog dialog = new Dialog(getTranslation("users.dialog.edit", user.username()));
        dialog.setWidth("34rem");
        UserForm bean = new UserForm();
        bean.setDisplayName(user.displayName());
        bean.setEmail(user.email());
        bean.setRoles(user.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(user.roles()));
        Binder<UserForm> binder = new Binder<>(UserForm.class);
        FormLayout form = new FormLayout();
        form.add(commonFields(binder, "edit"));
        binder.readBean(bean);

        Paragraph status = new Paragraph(getTranslation("users.status-line",
                getTranslation(user.enabled() ? "users.status.enabled" : "users.status.disabled"),
                Messages.dateTime(user.createdAt()),
                user.lastLoginAt() == null ? getTranslation("users.never") : Messages.dateTime(user.lastLoginAt())));
        status.addClassName("funnel-muted");

        Button toggle = new Button(getTranslation(user.enabled() ? "users.disable" : "users.enable"), e -> {
            try {
                UserSummary changed = users.setEnabled(user.id(), user.version(), !user.enabled());
                dialog.close();
                grid.getDataProvider().refreshAll();
                Messages.success(getTranslation(changed.enabled() ? "users.enabled-msg" : "users.disabled-msg",
                        changed.username()));
            } catch (InvalidInputException problem) {
                Messages.show(this, problem, null, Map.of());
            } catch (ConcurrentChangeException conflict) {
                Messages.show(this, conflict);
            }
        });
        toggle.setId("toggle-enabled");
        if (user.enabled()) {
            toggle.addThemeVariants(ButtonVariant.ERROR);
        }

        PasswordField newPassword = Fields.password(getTranslation("users.field.new-password"), PasswordPolicy.MAX_LENGTH);
        newPassword.setId("reset-password-field");
        newPassword.setHelperText(getTranslation("users.field.password.helper"));
        Button reset = new Button(getTranslation("users.reset-password"), e -> {
            try {
                users.resetPassword(user.id(), user.version(), newPassword.getValue());
                dialog.close();
                grid.getDataProvider().refreshAll();
                Messages.success(getTranslation("users.password-reset", user.username()));
            } catch (InvalidInputException problem) {
                Messages.show(this, problem, null, Map.of("password", newPassword));
            } catch (ConcurrentChangeException conflict) {
                Messages.show(this, conflict);
            }
        });
        reset.setId("reset-password");
        HorizontalLayout resetRow = new HorizontalLayout(newPassword, reset);
        resetRow.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        newPassword.setWidth("18rem");

        Button save = new Button(getTranslation("users.save"), e -> {
            if (!binder.writeBeanIfValid(bean)) {
                return;
            }
            try {
                UserSummary saved = users.update(user.id(), user.version(),
                        new UserChanges(bean.getDisplayName(), bean.getEmail(), bean.getRoles()));
                dialog.close();
                grid.getDataProvider().refreshAll();
                Messages.success(getTranslation("users.saved", saved.username()));
            } catch (InvalidInputException problem) {
                Messages.show(this, problem, binder, Map.of());
            } catch (ConcurrentChangeException conflict) {
                Messages.show(this, conflict);
            }
        });
        save.setId("save-user");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button close = new Button(getTranslation("users.close"), e -> dialog.close());

        dialog.add(form, status, new H3(getTranslation("users.section.access")), toggle,
                new H3(getTranslation("users.section.password")), resetRow);
        dialog.getFooter().add(close, save);
        dialog.open();
    }

    /** Display name, e-mail and roles: the fields shared by the create and edit dialogs. */
    private Component[] commonFields(Binder<UserForm> binder, String idPrefix) {
        TextField displayName = Fields.text(getTranslation("users.field.name"), 120);
        displayName.setId(idPrefix + "-display-name");
                binder.forField(displayName).asRequired(getTranslation("field.required"))
                .withValidator(new StringLengthValidator(getTranslation("field.too-long", 120), 0, 120))
                .bind("displayName");
        EmailField email = Fields.email(getTranslation("users.field.email"), 254);
        email.setId(idPrefix + "-email");
                binder.forField(email).asRequired(getTranslation("field.required"))
                .withValidator(new EmailValidator(getTranslation("user.error.email-format")))
                .bind("email");
        CheckboxGroup<Role> roles = new CheckboxGroup<>(getTranslation("users.field.roles"));
        roles.setId(idPrefix + "-roles");
        roles.setItems(Role.values());
        roles.setRequiredIndicatorVisible(true);
        roles.setItemLabelGenerator(role -> getTranslation("role." + role.name()));
        binder.forField(roles)
                .withValidator(set -> set != null && !set.isEmpty(), getTranslation("user.error.roles-required"))
                .bind("roles");
        return new Component[] {displayName, email, roles};
    }
}
