package app.funnel.opportunity.ui;

import com.vaadin.flow.component.badge.Badge;
import app.funnel.base.ui.Badges;
import app.funnel.base.ConcurrentChangeException;
import app.funnel.base.InvalidInputException;
import app.funnel.base.ui.Fields;
import app.funnel.base.ui.Messages;
import app.funnel.definition.Criterion;
import app.funnel.definition.DefinitionService;
import app.funnel.definition.TransitionRefusedException;
import app.funnel.definition.ui.MissingCriteriaDialog;
import app.funnel.definition.ui.TermInfo;
import app.funnel.lead.LeadDetails;
import app.funnel.lead.LeadService;
import app.funnel.opportunity.LostReason;
import app.funnel.opportunity.OpportunityDetails;
import app.funnel.opportunity.OpportunityInput;
import app.funnel.opportunity.OpportunityService;
import app.funnel.opportunity.Stage;
import app.funnel.security.CurrentUser;
import app.funnel.security.Role;
import app.funnel.user.UserService;
import app.funnel.user.UserSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A deal: its fields (editable by its sales owner), the stage actions, the criteria checklist of
 * the stages with who confirmed each and when, the stage history with the time spent in each, and
 * the lead it came from with the referrals that led to the buyer.
 */
final class OpportunityRecord extends Div {


    private final app.funnel.base.ui.RecordFrame frame;

    private final OpportunityService opportunities;
    private final DefinitionService definitions;
    private final LeadService leads;
    private final UserService users;
    private final Runnable onChange;
    private final TextField name = Fields.text(getTranslation("opportunity.field.name"), 200);
    private final BigDecimalField amount = new BigDecimalField(getTranslation("opportunity.field.amount"));
    private final TextField currency = Fields.text(getTranslation("opportunity.field.currency"), 3);
    private final DatePicker close = Fields.date(getTranslation("opportunity.field.close"));
    private final TextArea notes = new TextArea(getTranslation("lead.field.notes"));
    private OpportunityDetails deal;

    private final app.funnel.activity.ui.RecordWorkPanels work;
    /** Shown when someone else changed the deal while it is open. */
    private final Div stale;

    OpportunityRecord(OpportunityService opportunities, DefinitionService definitions, LeadService leads,
                      UserService users, app.funnel.activity.ui.RecordWorkPanels work, OpportunityDetails deal,
                      Runnable onChange, app.funnel.base.ui.RecordFrame frame) {
        this.frame = frame;
        this.work = work;
        this.opportunities = opportunities;
        this.definitions = definitions;
        this.leads = leads;
        this.users = users;
        this.deal = deal;
        this.onChange = onChange;
        addClassName("funnel-record");
        long id = deal.id();
        stale = work.changedByOthersNotice("opportunity-stale", app.funnel.opportunity.Stage.LIFECYCLE.recordType(), id,
                () -> {
                    this.deal = opportunities.get(id);
                    onChange.run();
                    render();
                });
        render();
    }

    private void render() {
        removeAll();
        add(stale);
        CurrentUser me = CurrentUser.require();
        boolean owner = me.has(Role.SALES) && users.byUsername(me.username()).map(UserSummary::id)
                .orElse(-1L) == deal.ownerId();
        frame.title(deal.name());

        Div summary = new Div();
        summary.setId("opportunity-summary");
        Badge stage = Badges.of(getTranslation("stage." + deal.stage().name()));
        summary.add(stage, new TermInfo(definitions, deal.stage().term()),
                new Span(" " + getTranslation("opportunity.summary", deal.accountName(), deal.buyerName(),
                        deal.probability(), Money.format(deal.amount(), deal.currency()),
                        users.displayNames().getOrDefault(deal.ownerId(), "?"))));
        if (deal.lostReason() != null) {
            summary.add(new Span(" — " + getTranslation("lost." + deal.lostReason().name())
                    + (deal.lostNote() == null ? "" : ": " + deal.lostNote())));
        }
        add(summary);

        name.setId("opportunity-name");
        name.setValue(deal.name());
        amount.setId("opportunity-amount");
        amount.setValue(deal.amount());
        currency.setId("opportunity-currency");
        currency.setValue(deal.currency());
        close.setId("opportunity-close");
        close.setValue(deal.expectedClose());
        notes.setValue(deal.notes() == null ? "" : deal.notes());
        notes.setWidthFull();
        FormLayout form = new FormLayout(name, amount, currency, close);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        add(form, notes);
        boolean editable = owner && deal.stage().isOpen();
        name.setReadOnly(!editable);
        amount.setReadOnly(!editable);
        Money.echo(amount, currency);
        currency.setReadOnly(!editable);
        close.setReadOnly(!editable);
        notes.setReadOnly(!editable);

        add(actions(me, owner));
        add(work.panel(app.funnel.opportunity.Stage.LIFECYCLE.recordType(), deal.id()));
        add(checklist());
        add(history());
        add(origin());

        List<com.vaadin.flow.component.Component> buttons = new java.util.ArrayList<>();
        Button closeButton = new Button(getTranslation("users.close"), e -> frame.close());
        closeButton.setId("close-opportunity");
        buttons.add(closeButton);
        if (editable) {
            Button save = new Button(getTranslation("users.save"), e -> save());
            save.setId("save-opportunity");
            app.funnel.base.ui.RecordFrame.saveShortcut(save, this);
            save.addThemeVariants(ButtonVariant.PRIMARY);
            buttons.add(save);
        }
        frame.buttons(buttons);
    }

    private Div actions(CurrentUser me, boolean owner) {
        Div box = new Div();
        box.setId("opportunity-actions");
        box.add(new H3(getTranslation("lead.actions")));
        HorizontalLayout row = new HorizontalLayout();
        row.setWrap(true);
        row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        boolean open = deal.stage().isOpen();
        if ((owner && open) || (!open && me.has(Role.LEADERSHIP))) {
            ComboBox<Stage> target = new ComboBox<>();
            target.setId("stage-target");
            target.setPlaceholder(getTranslation(open ? "opportunity.move-to" : "opportunity.reopen-to"));
            target.setItems(java.util.Arrays.stream(Stage.values())
                    .filter(s -> s != deal.stage() && (open || s.isOpen())).toList());
            target.setItemLabelGenerator(s -> getTranslation("stage." + s.name()));
            TextField reason = new TextField();
            reason.setId("stage-reason");
            reason.setPlaceholder(getTranslation("opportunity.reason"));
            Fields.limit(reason, 1000);
            ComboBox<LostReason> lostReason = new ComboBox<>();
            lostReason.setId("lost-reason");
            lostReason.setPlaceholder(getTranslation("opportunity.lost-reason"));
            lostReason.setItems(LostReason.values());
            lostReason.setItemLabelGenerator(r -> getTranslation("lost." + r.name()));
            lostReason.setVisible(false);
            TextField lostNote = new TextField();
            lostNote.setId("lost-note");
            lostNote.setPlaceholder(getTranslation("opportunity.lost-note"));
            Fields.limit(lostNote, 1000);
            lostNote.setVisible(false);
            target.addValueChangeListener(e -> {
                boolean lost = e.getValue() == Stage.CLOSED_LOST;
                lostReason.setVisible(lost);
                lostNote.setVisible(lost);
            });
            Button move = new Button(getTranslation(open ? "opportunity.move" : "opportunity.reopen"), e -> {
                if (target.getValue() != null) {
                    run(() -> opportunities.moveStage(deal.id(), deal.version(), target.getValue(), reason.getValue(),
                            lostReason.getValue(), lostNote.getValue()), Map.of("reason", reason,
                            "lostReason", lostReason, "lostNote", lostNote));
                }
            });
            move.setId("stage-move");
            row.add(target, reason, lostReason, lostNote, move);
        }
        if (owner && open) {
            IntegerField probability = new IntegerField();
            probability.setId("opportunity-probability");
            probability.setMin(0);
            probability.setMax(99);
            probability.setValue(deal.probability());
            probability.setSuffixComponent(new Span("%"));
            probability.setWidth("7rem");
            Button set = new Button(getTranslation("opportunity.set-probability"), e -> run(() ->
                    opportunities.setProbability(deal.id(), deal.version(),
                            probability.getValue() == null ? -1 : probability.getValue()),
                    Map.of("probability", probability)));
            set.setId("set-probability");
            row.add(probability, set);
        }
        if (me.has(Role.LEADERSHIP) || me.has(Role.ADMIN)) {
            ComboBox<UserSummary> newOwner = new ComboBox<>();
            newOwner.setId("opportunity-owner");
            newOwner.setPlaceholder(getTranslation("lead.new-owner"));
            newOwner.setItems(users.enabledWithRole(Role.SALES));
            newOwner.setItemLabelGenerator(UserSummary::displayName);
            String type = app.funnel.opportunity.Stage.LIFECYCLE.recordType();
            long openSteps = work.openOfOwner(type, deal.id());
            com.vaadin.flow.component.checkbox.Checkbox moveFollowUps = new com.vaadin.flow.component.checkbox.Checkbox(
                    getTranslation("record.move-follow-ups", openSteps), true);
            moveFollowUps.setId("opportunity-move-follow-ups");
            moveFollowUps.setVisible(openSteps > 0);
            Button reassign = new Button(getTranslation("lead.reassign"), e -> {
                if (newOwner.getValue() != null) {
                    long previousOwner = deal.ownerId();
                    run(() -> {
                        OpportunityDetails changed = opportunities.reassign(deal.id(), deal.version(),
                                newOwner.getValue().id());
                        if (moveFollowUps.getValue() && openSteps > 0) {
                            work.moveOpen(type, deal.id(), previousOwner);
                        }
                        return changed;
                    }, Map.of());
                }
            });
            reassign.setId("opportunity-reassign");
            row.add(newOwner, reassign, moveFollowUps);
        }
        if (row.getComponentCount() == 0) {
            box.add(new Span(getTranslation("lead.no-actions")));
        }
        box.add(row);
        return box;
    }

    /** The criteria of every stage, with who confirmed each on this deal and when. */
    private Div checklist() {
        Div box = new Div();
        box.setId("opportunity-criteria");
        box.add(new H3(getTranslation("opportunity.criteria")));
        Map<String, app.funnel.definition.Confirmation> confirmed = opportunities.confirmations(deal.id()).stream()
                .collect(Collectors.toMap(c -> c.code(), c -> c, (a, b) -> a));
        int version = definitions.currentVersion();
        for (Stage stage : Stage.values()) {
            List<Criterion> criteria = definitions.entry(version, stage.term()).criteria();
            if (criteria.isEmpty()) {
                continue;
            }
            Div group = new Div(new Span(getTranslation("stage." + stage.name()) + ": "));
            group.addClassName("funnel-criteria");
            for (Criterion criterion : criteria) {
                var confirmation = confirmed.get(criterion.code());
                Div line = new Div();
                Badge item = Badges.of((confirmation != null ? "✔ " : "○ ") + criterion.name());
                item.getElement().setAttribute("title", criterion.explanation());
                line.add(item);
                if (confirmation != null) {
                    item.addClassName("success");
                    Span who = new Span(getTranslation("opportunity.confirmed-by", confirmation.confirmedBy(),
                            Messages.dateTime(confirmation.confirmedAt())));
                    who.addClassName("funnel-muted");
                    line.add(who);
                }
                group.add(line);
            }
            box.add(group);
        }
        return box;
    }

    /** Every stage change with who, when, why, amount and probability then, and how long the deal stayed. */
    private com.vaadin.flow.component.details.Details history() {
        Div rows = new Div();
        rows.setId("opportunity-history");
        var changes = opportunities.history(deal.id());
        for (int i = 0; i < changes.size(); i++) {
            var change = changes.get(i);
            Instant until = i + 1 < changes.size() ? changes.get(i + 1).at() : Instant.now();
            long days = Duration.between(change.at(), until).toDays();
            String from = change.from() == null ? "" : getTranslation("stage." + change.from()) + " → ";
            Div row = new Div(new Span(getTranslation("opportunity.history-line", Messages.dateTime(change.at()),
                    change.by(), from + getTranslation("stage." + change.to()),
                    change.definitionVersion() == null ? "-" : change.definitionVersion(), days)));
            if (change.reason() != null) {
                Span reason = new Span(" — " + change.reason());
                reason.addClassName("funnel-muted");
                row.add(reason);
            }
            rows.add(row);
        }
        var details = new com.vaadin.flow.component.details.Details(getTranslation("lead.history"), rows);
        details.setOpened(true);
        return details;
    }

    /** The lead the deal came from, and the chain of referrals that led to the buyer. */
    private Div origin() {
        Div box = new Div();
        box.setId("opportunity-origin");
        if (deal.leadId() == null) {
            return box;
        }
        LeadDetails lead = leads.get(deal.leadId());
        box.add(new H3(getTranslation("opportunity.origin")));
        Div path = new Div();
        for (LeadDetails step : leads.referralChain(lead.id())) {
            path.add(leadLink(step), new Span(" → "));
        }
        path.add(leadLink(lead));
        box.add(path);
        return box;
    }

    private Button leadLink(LeadDetails lead) {
        Button link = new Button(lead.firstName() + " " + lead.lastName()
                + (lead.company() == null ? "" : " (" + lead.company() + ")"),
                e -> getUI().ifPresent(ui -> ui.navigate("leads/" + lead.id())));
        link.addThemeVariants(ButtonVariant.TERTIARY);
        return link;
    }

    private void save() {
        name.setInvalid(false);
        amount.setInvalid(false);
        currency.setInvalid(false);
        close.setInvalid(false);
        run(() -> opportunities.update(deal.id(), deal.version(), new OpportunityInput(name.getValue(),
                amount.getValue(), currency.getValue(), close.getValue(), notes.getValue())),
                Map.of("name", name, "amount", amount, "currency", currency, "expectedClose", close, "notes", notes));
    }

    private void run(Supplier<OpportunityDetails> change,
                     Map<String, ? extends com.vaadin.flow.component.HasValidation> fields) {
        try {
            deal = change.get();
            onChange.run();
            Messages.success(getTranslation("opportunity.changed", getTranslation("stage." + deal.stage().name())));
            render();
        } catch (TransitionRefusedException refused) {
            OpportunityDetails current = deal;
            new MissingCriteriaDialog(refused.verdict(), codes -> {
                opportunities.confirmCriteria(current.id(), codes);
                run(change, fields);
            }).open();
        } catch (InvalidInputException problem) {
            Messages.show(this, problem, null, fields);
        } catch (ConcurrentChangeException conflict) {
            Messages.show(this, conflict);
            deal = opportunities.get(deal.id());
            render();
        }
    }
}
