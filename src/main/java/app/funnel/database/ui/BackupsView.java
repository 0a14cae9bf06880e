package app.funnel.database.ui;

import app.funnel.base.ui.Messages;
import app.funnel.base.ui.Toolbar;
import app.funnel.database.Backups;
import app.funnel.security.Roles;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.concurrent.CompletableFuture;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * The backups of the embedded database, for admins: the last one (when, how large, where), a
 * warning when none succeeded in 48 hours or the last one failed, and a button to back up now. How to
 * restore is said on the page, as in the README.
 */
@Route("admin/backups")
@Menu(order = 95, title = "menu.backups", icon = "vaadin:archive")
@RolesAllowed(Roles.ADMIN)
final class BackupsView extends Main implements HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return getTranslation("menu.backups") + " · " + getTranslation("app.name");
    }

    private final Backups backups;
    private final Div status = new Div();
    private final Button now = new Button();

    BackupsView(Backups backups) {
        this.backups = backups;
        addClassName("funnel-view");
        now.setText(getTranslation("backups.now"));
        now.setIcon(new Icon(VaadinIcon.ARCHIVE));
        now.addThemeVariants(ButtonVariant.PRIMARY);
        now.setId("backup-now");
        now.addClickListener(e -> backUp());
        status.setId("backup-status");
        add(new Toolbar().end(now), status);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        show();
    }

    private void show() {
        Backups.Status s = backups.status();
        status.removeAll();
        now.setEnabled(s.available());
        if (!s.available()) {
            status.add(warning(getTranslation("backups.external")));
            return;
        }
        if (s.failedAt() != null) {
            status.add(warning(getTranslation("backups.failed", Messages.dateTime(s.failedAt()), s.failure())));
        }
        if (s.overdue()) {
            status.add(warning(getTranslation("backups.overdue")));
        }
        status.add(new H2(getTranslation("backups.last")));
        Paragraph last = new Paragraph(s.lastAt() == null ? getTranslation("backups.none")
                : getTranslation("backups.last.line", Messages.dateTime(s.lastAt()),
                        java.text.NumberFormat.getIntegerInstance(getLocale()).format(Math.max(1, Math.round(s.lastBytes() / 1024.0))), s.lastFile()));
        last.setId("backup-last");
        status.add(last, new Paragraph(getTranslation("backups.where", s.directory().toString())),
                new H2(getTranslation("backups.restore.title")),
                new Paragraph(getTranslation("backups.restore")));
    }

    private void backUp() {
        UI ui = UI.getCurrent();
        now.setEnabled(false);
        now.setText(getTranslation("backups.running"));
        ui.setPollInterval(1000);
        CompletableFuture.runAsync(new DelegatingSecurityContextRunnable(() -> {
            // translations need the UI's session: the outcome is put into words inside ui.access
            Backups.Backup done = null;
            String failure = null;
            try {
                done = backups.backUpNow();
            } catch (RuntimeException e) {
                failure = String.valueOf(e.getMessage());
            }
            Backups.Backup written = done;
            String failed = failure;
            ui.access(() -> {
                ui.setPollInterval(-1);
                now.setText(getTranslation("backups.now"));
                if (written != null) {
                    Messages.success(getTranslation("backups.done", written.file().getFileName().toString()));
                } else {
                    Messages.error(getTranslation("backups.failed.now", failed));
                }
                show();
            });
        }));
    }

    private static Div warning(String text) {
        Div warning = new Div(text);
        warning.addClassName("funnel-warning");
        return warning;
    }
}
