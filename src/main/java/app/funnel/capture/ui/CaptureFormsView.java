package app.funnel.capture.ui;

import app.funnel.base.InvalidInputException;
import app.funnel.base.ui.Messages;
import app.funnel.base.ui.Toolbar;
import app.funnel.capture.CaptureForm;
import app.funnel.capture.CaptureService;
import app.funnel.lead.LeadSource;
import app.funnel.lead.SignalKind;
import app.funnel.security.Role;
import app.funnel.security.Roles;
import app.funnel.user.UserService;
import app.funnel.user.UserSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Capture forms (ADMIN): the forms websites post leads to, each with its key, source, signal,
 * allowed websites and the owner of its leads; a ready HTML snippet to paste into a website;
 * revoking a form stops its key at once.
 */
@Route("admin/capture")
@Menu(order = 91, title = "menu.capture", icon = "vaadin:globe")
@RolesAllowed(Roles.ADMIN)
final class CaptureFormsView extends Main implements HasDynamicTitle {

    /** The browser tab in the user's language. */
    @Override
    public String getPageTitle() {
        return getTranslation("menu.capture") + " · " + getTranslation("app.name");
    }

    private final CaptureService capture;
    private final UserService users;
    private final Map<Long, String> owners;
    private final Grid<CaptureForm> grid = new Grid<>();
    private final Div details = new Div();

    CaptureFormsView(CaptureService capture, UserService users) {
        this.capture = capture;
        this.users = users;
        this.owners = users.displayNames();
        addClassName("funnel-view");
        Button create = new Button(getTranslation("capture.new"), new Icon(VaadinIcon.PLUS), e -> openNew());
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.setId("new-capture-form");
        grid.setId("capture-forms");
        grid.addColumn(CaptureForm::name).setHeader(getTranslation("capture.col.name")).setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(f -> getTranslation("source." + f.source().name())).setHeader(getTranslation("capture.col.source"))
                .setAutoWidth(true);
        grid.addColumn(f -> getTranslation("signal." + f.signal().name())).setHeader(getTranslation("capture.col.signal"))
                .setAutoWidth(true);
        grid.addColumn(f -> String.join(" ", f.allowedOrigins())).setHeader(getTranslation("capture.col.origins"))
                .setAutoWidth(true);
        grid.addColumn(f -> owners.getOrDefault(f.ownerId(), "?")).setHeader(getTranslation("capture.col.owner"))
                .setAutoWidth(true);
        grid.addColumn(f -> capture.submissions(f.id())).setHeader(getTranslation("capture.col.posts")).setAutoWidth(true);
        grid.addColumn(f -> getTranslation(f.active() ? "capture.active" : "capture.revoked"))
                .setHeader(getTranslation("capture.col.status")).setAutoWidth(true);
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        grid.setAllRowsVisible(true);
        details.setId("capture-details");
        add(new Toolbar().end(create), grid, details);
        refresh();
    }

    private void refresh() {
        grid.setItems(capture.forms());
    }

    private void show(CaptureForm form) {
        details.removeAll();
        if (form == null) {
            return;
        }
        String url = baseUrl() + "/api/capture/" + form.key();
        details.add(new H3(form.name()));
        Paragraph endpoint = new Paragraph(getTranslation("capture.endpoint", url));
        endpoint.setId("capture-endpoint");
        TextArea snippet = new TextArea(getTranslation("capture.snippet"));
        snippet.setId("capture-snippet");
        snippet.setReadOnly(true);
        snippet.setWidthFull();
        snippet.setValue(snippet(url));
        snippet.addClassName("funnel-code");
        details.add(endpoint, snippet);
        if (form.active()) {
            Button tryIt = new Button(getTranslation("capture.try"), new Icon(VaadinIcon.PLAY), e -> openTry(form, url));
            tryIt.setId("try-capture-form");
            details.add(tryIt);
            Button revoke = new Button(getTranslation("capture.revoke"), e -> {
                ConfirmDialog confirm = new ConfirmDialog(getTranslation("capture.revoke"),
                        getTranslation("capture.revoke-text", form.name()), getTranslation("capture.revoke"), c -> {
                            capture.revoke(form.id());
                            Messages.success(getTranslation("capture.revoked-message", form.name()));
                            refresh();
                            details.removeAll();
                        });
                confirm.setCancelable(true);
                confirm.setCancelText(getTranslation("users.cancel"));
                confirm.setConfirmButtonTheme("error primary");
                confirm.open();
            });
            revoke.addThemeVariants(ButtonVariant.ERROR);
            revoke.setId("revoke-capture-form");
            details.add(revoke);
        }
    }

    /**
     * The form as a website shows it, in a frame of this page: it posts to the real endpoint from
     * Funnel's own address (allowed like a server's post), creates a real lead, and the frame shows
     * the endpoint's answer.
     */
    private void openTry(CaptureForm form, String url) {
        Dialog dialog = new Dialog();
        dialog.setId("capture-try-dialog");
        dialog.setHeaderTitle(getTranslation("capture.try-title", form.name()));
        Paragraph note = new Paragraph(getTranslation("capture.try-note"));
        note.addClassName("funnel-muted");
        com.vaadin.flow.component.html.IFrame frame = new com.vaadin.flow.component.html.IFrame();
        frame.setId("capture-try-frame");
        frame.setSrcdoc("""
                <!doctype html><html><head><meta charset="utf-8"><style>
                body { font-family: system-ui, sans-serif; margin: 12px; }
                form { display: grid; gap: 8px; max-width: 420px; }
                input, button { font: inherit; padding: 6px 8px; }
                </style></head><body>""" + snippet(url) + "</body></html>");
        frame.setWidth("100%");
        frame.setHeight("26rem");
        frame.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "8px");
        dialog.add(note, frame);
        dialog.setWidth("min(40rem, 95vw)");
        dialog.getFooter().add(new Button(getTranslation("capture.close"), e -> {
            dialog.close();
            refresh();
        }));
        dialog.open();
    }

    /** An HTML form to paste into a website: the fields, the consent with its text, the hidden honeypot. */
    private String snippet(String url) {
        String consent = getTranslation("capture.consent-text");
        return """
                <form action="%s" method="post">
                  <input name="firstName" placeholder="%s" required>
                  <input name="lastName" placeholder="%s" required>
                  <input name="email" type="email" placeholder="%s" required>
                  <input name="company" placeholder="%s">
                  <input name="phone" placeholder="%s">
                  <input name="country" placeholder="BR" maxlength="2">
                  <!-- left empty by people, filled in by bots -->
                  <input name="website" style="display:none" tabindex="-1" autocomplete="off">
                  <label><input type="checkbox" name="consent" value="yes" required> %s</label>
                  <input type="hidden" name="consentText" value="%s">
                  <button type="submit">%s</button>
                </form>""".formatted(url, getTranslation("lead.field.first-name"), getTranslation("lead.field.last-name"),
                getTranslation("lead.field.email"), getTranslation("lead.field.company"),
                getTranslation("lead.field.phone"), consent, consent, getTranslation("capture.send"));
    }

    private static String baseUrl() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (request == null) {
            return "";
        }
        var http = request.getHttpServletRequest();
        boolean defaultPort = "http".equals(http.getScheme()) && http.getServerPort() == 80
                || "https".equals(http.getScheme()) && http.getServerPort() == 443;
        return http.getScheme() + "://" + http.getServerName() + (defaultPort ? "" : ":" + http.getServerPort())
                + http.getContextPath();
    }

    private void openNew() {
        Dialog dialog = new Dialog();
        dialog.setId("capture-form-dialog");
        dialog.setHeaderTitle(getTranslation("capture.new"));
        TextField name = new TextField(getTranslation("capture.col.name"));
        name.setId("capture-name");
        name.setMaxLength(100);
        ComboBox<LeadSource> source = new ComboBox<>(getTranslation("capture.col.source"));
        source.setItems(LeadSource.values());
        source.setItemLabelGenerator(s -> getTranslation("source." + s.name()));
        source.setValue(LeadSource.WEBSITE_FORM);
        ComboBox<SignalKind> signal = new ComboBox<>(getTranslation("capture.col.signal"));
        signal.setItems(SignalKind.values());
        signal.setItemLabelGenerator(s -> getTranslation("signal." + s.name()));
        signal.setValue(SignalKind.CONTACT_FORM);
        TextArea origins = new TextArea(getTranslation("capture.col.origins"));
        origins.setId("capture-origins");
        origins.setHelperText(getTranslation("capture.origins-help"));
        ComboBox<UserSummary> owner = new ComboBox<>(getTranslation("capture.col.owner"));
        owner.setId("capture-owner");
        Map<Long, UserSummary> people = new LinkedHashMap<>();
        users.enabledWithRole(Role.MARKETING).forEach(u -> people.put(u.id(), u));
        users.enabledWithRole(Role.SALES).forEach(u -> people.put(u.id(), u));
        owner.setItems(people.values());
        owner.setItemLabelGenerator(UserSummary::displayName);
        people.values().stream().findFirst().ifPresent(owner::setValue);
        TextField thanks = new TextField(getTranslation("capture.col.thank-you"));
        thanks.setId("capture-thank-you");
        thanks.setMaxLength(500);
        thanks.setHelperText(getTranslation("capture.thank-you-help"));
        thanks.setPlaceholder("https://www.example.com/thank-you");
        FormLayout form = new FormLayout(name, source, signal, owner, origins, thanks);
        form.setColspan(origins, 2);
        form.setColspan(thanks, 2);
        dialog.add(form);
        Button save = new Button(getTranslation("users.save"), e -> {
            try {
                List<String> list = Arrays.stream(origins.getValue().split("[\\s,]+")).filter(s -> !s.isBlank()).toList();
                CaptureForm created = capture.create(name.getValue(), source.getValue(), signal.getValue(), list,
                        owner.getValue() == null ? null : owner.getValue().id(), thanks.getValue());
                dialog.close();
                refresh();
                grid.select(created);
            } catch (InvalidInputException problem) {
                Messages.show(dialog, problem, null, Map.of("name", name, "source", source, "signal", signal,
                        "origins", origins, "owner", owner, "thankYouUrl", thanks));
            }
        });
        save.setId("save-capture-form");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("users.cancel"), e -> dialog.close()), save);
        dialog.open();
    }
}
