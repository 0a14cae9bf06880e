package app.funnel.definition.ui;

import com.vaadin.flow.component.badge.Badge;
import app.funnel.base.ui.Badges;
import app.funnel.base.ui.Messages;
import app.funnel.definition.AcknowledgementReport;
import app.funnel.definition.DefinitionService;
import app.funnel.security.Role;
import app.funnel.security.Roles;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;

/** Who has acknowledged which version of the definitions, with the share per role. */
@Route("definitions/acknowledgements")
@Menu(order = 11, title = "menu.acknowledgements", icon = "vaadin:check-square-o")
@RolesAllowed({Roles.LEADERSHIP, Roles.ADMIN})
final class AcknowledgementsView extends Main implements HasDynamicTitle {

    /** The browser tab in the user's language. */
    @Override
    public String getPageTitle() {
        return getTranslation("menu.acknowledgements") + " · " + getTranslation("app.name");
    }

    AcknowledgementsView(DefinitionService definitions) {
        addClassName("funnel-view");
        AcknowledgementReport report = definitions.acknowledgements();
        Paragraph intro = new Paragraph(getTranslation("acks.intro", report.version()));
        add(intro);

        Div shares = new Div();
        shares.addClassName("funnel-cards");
        shares.setId("ack-shares");
        for (Role role : Role.values()) {
            AcknowledgementReport.Share share = report.byRole().get(role);
            com.vaadin.flow.component.card.Card card = new com.vaadin.flow.component.card.Card();
            card.addClassName("funnel-card");
            ProgressBar bar = new ProgressBar(0, Math.max(1, share.total()), share.acknowledged());
            card.add(new H3(getTranslation("role." + role.name())),
                    new Span(getTranslation("acks.share", share.percent(), share.acknowledged(), share.total())), bar);
            shares.add(card);
        }
        add(shares);

        // one row per enabled user: a team's size, small enough to hold at once
        Grid<AcknowledgementReport.UserAcknowledgement> grid = new Grid<>();
        grid.setId("ack-grid");
        grid.addColumn(AcknowledgementReport.UserAcknowledgement::displayName).setHeader(getTranslation("users.col.name"))
                .setAutoWidth(true);
        grid.addColumn(AcknowledgementReport.UserAcknowledgement::username).setHeader(getTranslation("users.col.username"))
                .setAutoWidth(true);
        grid.addColumn(u -> u.roles().stream().map(r -> getTranslation("role." + r.name()))
                .collect(Collectors.joining(", "))).setHeader(getTranslation("users.col.roles"));
        grid.addComponentColumn(u -> {
            Badge badge = Badges.of(u.newestVersion() == null ? getTranslation("acks.none")
                    : getTranslation("acks.version", u.newestVersion()), u.current(report.version()) ? Badges.Tone.GOOD : Badges.Tone.BAD);
            return badge;
        }).setHeader(getTranslation("acks.col.version")).setAutoWidth(true);
        grid.addColumn(u -> Messages.dateTime(u.acknowledgedAt())).setHeader(getTranslation("acks.col.when"))
                .setAutoWidth(true);
        grid.setItems(report.users());
        grid.setSizeFull();
        add(grid);
    }
}
