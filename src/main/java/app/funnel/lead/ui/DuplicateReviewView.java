package app.funnel.lead.ui;

import app.funnel.base.ui.Badges;
import app.funnel.base.ui.GridActions;
import app.funnel.base.ui.Messages;
import app.funnel.base.ui.Toolbar;
import app.funnel.lead.DuplicateReview;
import app.funnel.lead.LeadStatus;
import app.funnel.security.CurrentUser;
import app.funnel.security.Role;
import app.funnel.security.Roles;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The duplicate review, for marketing and leadership: the background scan of every stored lead
 * (start, progress, when it last finished), the groups of leads that are one person, newest first,
 * with why and how sure, each merged into the lead the rule keeps or dismissed for good, "merge all
 * certain" in one go; below, the suspect leads not yet disqualified, with the bulk actions
 * (disqualify them as fake).
 */
@Route("leads/duplicates")
@Menu(order = 22, title = "menu.duplicates", icon = "vaadin:copy-o")
@RolesAllowed({Roles.MARKETING, Roles.LEADERSHIP, Roles.ADMIN})
final class DuplicateReviewView extends Main implements HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return getTranslation("menu.duplicates") + " · " + getTranslation("app.name");
    }

    private final DuplicateReview review;
    private final ProgressBar bar = new ProgressBar();
    private final Span scanText = new Span();
    private final Button scan = new Button();
    private final Button mergeCertain = new Button();
    private final Div groupsArea = new Div();
    private final Grid<DuplicateReview.Group> groups = new Grid<>();
    private final Grid<DuplicateReview.Suspect> suspects = new Grid<>();
    private final H3 suspectsTitle = new H3();
    private final boolean mayMerge;
    private boolean wasRunning;
    private com.vaadin.flow.shared.@org.jspecify.annotations.Nullable Registration polling;

    DuplicateReviewView(DuplicateReview review, List<GridActions> gridActions) {
        this.review = review;
        CurrentUser me = CurrentUser.require();
        this.mayMerge = me.has(Role.MARKETING) || me.has(Role.SALES);
        addClassName("funnel-view");
        addClassName("funnel-duplicate-review");

        scan.setText(getTranslation("duplicates.scan"));
        scan.setIcon(new Icon(VaadinIcon.SEARCH));
        scan.setId("duplicates-scan");
        scan.addClickListener(e -> {
            review.startScan();
            showProgress();
        });
        mergeCertain.setId("duplicates-merge-certain");
        mergeCertain.addThemeVariants(ButtonVariant.PRIMARY);
        mergeCertain.setVisible(mayMerge);
        mergeCertain.addClickListener(e -> mergeAllCertain());
        bar.setId("duplicates-progress");
        scanText.setId("duplicates-scan-text");
        Div scanArea = new Div(scanText, bar);
        scanArea.addClassName("funnel-scan");

        groups.setId("duplicate-groups");
        groups.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        groups.setAllRowsVisible(false);
        groups.setHeight("28rem");
        // two columns, so that a phone shows a group whole: its leads with why and how sure, then the buttons
        groups.addComponentColumn(this::membersCell).setHeader(getTranslation("duplicates.leads")).setFlexGrow(1);
        groups.addComponentColumn(this::actionsCell).setAutoWidth(true).setFlexGrow(0);
        groupsArea.add(groups);

        suspects.setId("suspect-leads");
        suspects.addThemeVariants(GridVariant.ROW_STRIPES);
        suspects.setHeight("24rem");
        suspects.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        suspects.addComponentColumn(s -> {
            Div lead = new Div(new Anchor("leads/" + s.id(), s.firstName() + " " + s.lastName()));
            Div contact = new Div(java.util.stream.Stream.of(s.email(), s.phone()).filter(java.util.Objects::nonNull)
                    .collect(Collectors.joining(" · ")) + " · " + getTranslation("status." + s.status().name()));
            contact.addClassName("funnel-secondary");
            lead.add(contact);
            return lead;
        }).setHeader(getTranslation("duplicates.lead")).setFlexGrow(2);
        suspects.addComponentColumn(s -> {
            Div reasons = new Div();
            reasons.addClassName("funnel-badges");
            s.reasons().forEach(r -> reasons.add(Badges.of(getTranslation("suspect." + r.name()), Badges.Tone.WARN)));
            return reasons;
        }).setHeader(getTranslation("duplicates.signs")).setFlexGrow(3);
        List<com.vaadin.flow.component.Component> bars = GridActions.attach(suspects,
                LeadStatus.LIFECYCLE.recordType(), DuplicateReview.Suspect::id, review::suspectCount,
                review::suspectIds, this::refreshSuspects, gridActions);
        suspects.setItems(query -> review.suspects(query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, review.suspectCount()));

        add(new Toolbar(new H2(getTranslation("duplicates.title"))).end(scan, mergeCertain),
                new Paragraph(getTranslation("duplicates.intro")), scanArea, groupsArea, suspectsTitle);
        bars.forEach(this::add);
        add(suspects);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        polling = attachEvent.getUI().addPollListener(e -> showProgress());
        showProgress();
        showGroups();
        refreshSuspects();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        detachEvent.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        super.onDetach(detachEvent);
    }

    /** The scan's state; while it runs the page polls every two seconds and shows the groups when it ends. */
    private void showProgress() {
        DuplicateReview.Progress progress = review.progress();
        bar.setValue(progress.fraction());
        bar.setVisible(progress.running());
        Locale locale = getLocale();
        if (progress.running()) {
            scanText.setText(getTranslation("duplicates.scanning", String.format(locale, "%,d", progress.done()),
                    String.format(locale, "%,d", progress.total())));
        } else if (progress.finishedAt() != null) {
            scanText.setText(getTranslation("duplicates.scanned", Messages.dateTime(progress.finishedAt())));
        } else {
            scanText.setText(getTranslation("duplicates.never"));
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.setPollInterval(progress.running() ? 2000 : -1);
        }
        if (!progress.running() && wasRunning) {
            showGroups();
            refreshSuspects();
        }
        wasRunning = progress.running();
    }

    private void showGroups() {
        List<DuplicateReview.Group> found = review.groups();
        groups.setItems(found);
        long certain = found.stream().filter(DuplicateReview.Group::certain).count();
        mergeCertain.setText(getTranslation("duplicates.merge-certain", certain));
        mergeCertain.setEnabled(certain > 0);
        groupsArea.getChildren().filter(c -> c instanceof Paragraph).toList().forEach(groupsArea::remove);
        if (found.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("duplicates.none"));
            none.setId("duplicates-none");
            groupsArea.addComponentAsFirst(none);
        }
        groups.setVisible(!found.isEmpty());
    }

    private void refreshSuspects() {
        suspects.getDataProvider().refreshAll();
        suspectsTitle.setText(getTranslation("duplicates.suspects", String.format(getLocale(), "%,d", review.suspectCount())));
    }

    /** At most this many leads of a group are listed; the rest are counted. */
    private static final int SHOWN = 8;

    private Div membersCell(DuplicateReview.Group group) {
        Div cell = new Div();
        cell.addClassName("funnel-group-members");
        boolean first = true;
        for (DuplicateReview.Member m : group.members().subList(0, Math.min(SHOWN, group.members().size()))) {
            Div line = new Div();
            Anchor name = new Anchor("leads/" + m.id(), m.firstName() + " " + m.lastName());
            line.add(name, new Span(" "), Badges.of(getTranslation("status." + m.status().name())));
            if (first) {
                line.add(new Span(" "), Badges.of(getTranslation("duplicates.kept"), Badges.Tone.GOOD));
                first = false;
            }
            String contact = java.util.stream.Stream.of(m.email(), m.phone(), m.company())
                    .filter(java.util.Objects::nonNull).collect(Collectors.joining(" · "));
            Div secondary = new Div(contact);
            secondary.addClassName("funnel-secondary");
            line.add(secondary);
            cell.add(line);
        }
        if (group.members().size() > SHOWN) {
            cell.add(new Div(getTranslation("duplicates.more", group.members().size() - SHOWN)));
        }
        Div why = new Div(getTranslation("duplicates.why-sure", group.matches().stream()
                .map(m -> getTranslation("lead.match." + m.name())).collect(Collectors.joining(", ")), group.confidence()));
        why.addClassName("funnel-group-why");
        cell.add(why);
        return cell;
    }

    private Div actionsCell(DuplicateReview.Group group) {
        List<Long> ids = group.members().stream().map(DuplicateReview.Member::id).toList();
        Div cell = new Div();
        cell.addClassName("funnel-group-actions");
        if (mayMerge) {
            Button merge = new Button(getTranslation("duplicates.merge"), e -> {
                try {
                    review.merge(ids);
                    Messages.success(getTranslation("duplicates.merged", ids.size() - 1,
                            group.survivor().firstName() + " " + group.survivor().lastName()));
                } finally {
                    showGroups();
                    refreshSuspects();
                }
            });
            merge.setId("merge-group-" + group.survivor().id());
            merge.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.PRIMARY);
            cell.add(merge);
        }
        Button dismiss = new Button(getTranslation("duplicates.dismiss"), e -> {
            review.dismiss(ids);
            Messages.success(getTranslation("duplicates.dismissed"));
            showGroups();
        });
        dismiss.setId("dismiss-group-" + group.survivor().id());
        dismiss.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
        cell.add(dismiss);
        return cell;
    }

    private void mergeAllCertain() {
        try {
            DuplicateReview.Merged merged = review.mergeAllCertain();
            Messages.success(getTranslation("duplicates.merged-all", merged.groups(), merged.leads(), merged.refused()));
        } finally {
            showGroups();
            refreshSuspects();
        }
    }
}
