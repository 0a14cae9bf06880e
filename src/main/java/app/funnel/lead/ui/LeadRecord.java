package app.funnel.lead.ui;

import com.vaadin.flow.component.badge.Badge;
import app.funnel.base.ui.Badges;
import app.funnel.base.ConcurrentChangeException;
import app.funnel.base.InvalidInputException;
import app.funnel.base.ui.Fields;
import app.funnel.base.ui.Messages;
import app.funnel.definition.DefinitionService;
import app.funnel.definition.Term;
import app.funnel.definition.ui.MissingCriteriaDialog;
import app.funnel.definition.ui.TermInfo;
import app.funnel.lead.DisqualificationReason;
import app.funnel.lead.DuplicateLead;
import app.funnel.lead.DuplicatesFoundException;
import app.funnel.lead.LeadDetails;
import app.funnel.lead.LeadInput;
import app.funnel.lead.LeadService;
import app.funnel.lead.LeadStatus;
import app.funnel.definition.TransitionRefusedException;
import app.funnel.security.CurrentUser;
import app.funnel.security.Role;
import app.funnel.user.UserService;
import app.funnel.user.UserSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A lead: its contact data (editable by whoever may work it now), its suspect flags, and the status
 * actions the user's role allows. A change the definitions refuse opens the list of what is missing.
 */
final class LeadRecord extends Div {


    private final app.funnel.base.ui.RecordFrame frame;

    private final LeadService leads;
    private final DefinitionService definitions;
    private final UserService users;
    private final Runnable onChange;
    private final List<LeadExtension> extensions;
    private final app.funnel.activity.ui.RecordWorkPanels work;
    /** Shown when someone else changed the lead while it is open. */
    private @Nullable Div stale;
    /** The contact data; made again from the stored lead on every render. */
    private @Nullable LeadForm form;
    private final Div duplicates = new Div();
    private @Nullable LeadDetails lead;

    LeadRecord(LeadService leads, DefinitionService definitions, UserService users, List<LeadExtension> extensions,
               app.funnel.activity.ui.RecordWorkPanels work, @Nullable LeadDetails lead, Runnable onChange, app.funnel.base.ui.RecordFrame frame) {
        this.frame = frame;
        this.work = work;
        this.leads = leads;
        this.extensions = extensions;
        this.definitions = definitions;
        this.users = users;
        this.lead = lead;
        this.onChange = onChange;
        addClassName("funnel-record");
        if (lead != null) {
            long id = lead.id();
            stale = work.changedByOthersNotice("lead-stale", app.funnel.lead.LeadStatus.LIFECYCLE.recordType(), id, () -> {
                this.lead = leads.get(id);
                onChange.run();
                render();
            });
        }
        render();
    }

    private void render() {
        removeAll();
        if (stale != null) {
            add(stale);
        }
        CurrentUser me = CurrentUser.require();
        frame.title(lead == null ? getTranslation("lead.new")
                : lead.firstName() + " " + lead.lastName());
        duplicates.setId("lead-duplicates");
        duplicates.addClassName("funnel-duplicates");
        duplicates.setVisible(false);
        LeadForm form = new LeadForm(leads, lead);
        this.form = form;
        if (lead != null) {
            Div status = new Div();
            status.setId("lead-status");
            Badge badge = Badges.of(getTranslation("status." + lead.status().name()));
            status.add(new Span(getTranslation("lead.status") + " "), badge);
            Term term = lead.status().term();
            if (term != null) {
                status.add(new TermInfo(definitions, term));
            }
            if (lead.disqualificationReason() != null) {
                status.add(new Span(" " + getTranslation("reason." + lead.disqualificationReason().name())
                        + (lead.disqualificationNote() == null ? "" : ": " + lead.disqualificationNote())));
            }
            add(status);
            if (lead.suspect()) {
                Div flags = new Div();
                flags.setId("lead-suspect");
                flags.addClassName("funnel-suspect");
                flags.add(new Span(getTranslation("lead.suspect-intro") + " "));
                lead.suspectReasons().forEach(r -> {
                    Badge flag = Badges.of(getTranslation("suspect." + r.name()), Badges.Tone.WARN);
                    flags.add(flag);
                });
                add(flags);
            }
        }
        boolean editable = lead == null ? me.has(Role.MARKETING) : mayWork(me, lead);
        add(form, form.liveSuspect(), form.notes());
        form.setEditable(editable);
        add(duplicates);

        if (lead != null) {
            add(possibleDuplicates(me, lead));
            add(referrals(lead));
            add(signals(me, lead));
            add(actions(me, lead));
            add(work.panel(app.funnel.lead.LeadStatus.LIFECYCLE.recordType(), lead.id()));
            add(history(lead));
        }
        List<com.vaadin.flow.component.Component> buttons = new java.util.ArrayList<>();
        Button close = new Button(getTranslation("users.close"), e -> frame.close());
        close.setId("close-lead");
        buttons.add(close);
        if (editable) {
            Button save = new Button(getTranslation(lead == null ? "lead.create" : "users.save"), e -> save());
            save.setId("save-lead");
            app.funnel.base.ui.RecordFrame.saveShortcut(save, this);
            save.addThemeVariants(ButtonVariant.PRIMARY);
            buttons.add(save);
        }
        frame.buttons(buttons);
    }

    private Div actions(CurrentUser me, LeadDetails current) {
        Div box = new Div();
        box.setId("lead-actions");
        box.add(new H3(getTranslation("lead.actions")));
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setWrap(true);
        boolean marketing = me.has(Role.MARKETING);
        boolean owner = me.userId() != null && me.userId() == current.ownerId()
                || users.byUsername(me.username()).map(UserSummary::id).orElse(-1L) == current.ownerId();
        if (marketing && current.status() == LeadStatus.NEW) {
            buttons.add(action("lead.qualify", "qualify", () -> leads.qualify(current.id(), current.version())));
        }
        if (marketing && current.status() == LeadStatus.MQL) {
            ComboBox<UserSummary> salesOwner = new ComboBox<>();
            salesOwner.setPlaceholder(getTranslation("lead.round-robin"));
            salesOwner.setItems(users.enabledWithRole(Role.SALES));
            salesOwner.setItemLabelGenerator(UserSummary::displayName);
            salesOwner.setClearButtonVisible(true);
            salesOwner.setId("handover-owner");
            buttons.add(salesOwner, action("lead.hand-over", "hand-over", () -> leads.handOver(current.id(),
                    current.version(), salesOwner.getValue() == null ? null : salesOwner.getValue().id())));
        }
        boolean salesOwner = me.has(Role.SALES) && owner && current.status() == LeadStatus.SQL;
        if (salesOwner && current.firstTouchAt() == null) {
            buttons.add(action("lead.accept", "accept", () -> leads.accept(current.id(), current.version()),
                    getTranslation("lead.accepted")));
        }
        if (salesOwner) {
            TextField reason = new TextField();
            reason.setPlaceholder(getTranslation("lead.return-reason"));
            Fields.limit(reason, 1000);
            reason.setId("return-reason");
            buttons.add(reason, action("lead.return", "return", () -> leads.returnToMarketing(current.id(),
                    current.version(), reason.getValue())));
        }
        boolean mayDisqualify = marketing && (current.status() == LeadStatus.NEW || current.status() == LeadStatus.MQL)
                || salesOwner;
        if (mayDisqualify && current.suspect()) {
            buttons.add(action("lead.disqualify-fake", "disqualify-fake", () -> leads.disqualify(current.id(),
                    current.version(), DisqualificationReason.FAKE_OR_INVALID_CONTACT, null)));
        }
        if (mayDisqualify) {
            ComboBox<DisqualificationReason> reason = new ComboBox<>();
            reason.setPlaceholder(getTranslation("lead.disqualify-reason"));
            reason.setItems(DisqualificationReason.values());
            reason.setItemLabelGenerator(r -> getTranslation("reason." + r.name()));
            reason.setId("disqualify-reason");
            TextField note = new TextField();
            note.setPlaceholder(getTranslation("lead.disqualify-note"));
            Fields.limit(note, 1000);
            note.setId("disqualify-note");
            buttons.add(reason, note, action("lead.disqualify", "disqualify", () -> leads.disqualify(current.id(),
                    current.version(), reason.getValue(), note.getValue())));
        }
        if (marketing && current.status() == LeadStatus.DISQUALIFIED) {
            ComboBox<LeadStatus> target = new ComboBox<>();
            target.setItems(LeadStatus.NEW, LeadStatus.MQL);
            target.setItemLabelGenerator(t -> getTranslation("lead.recycle-to", getTranslation("status." + t.name())));
            target.setValue(LeadStatus.NEW);
            target.setId("recycle-target");
            TextField reason = new TextField();
            reason.setPlaceholder(getTranslation("lead.recycle-reason"));
            Fields.limit(reason, 1000);
            reason.setId("recycle-reason");
            buttons.add(target, reason, action("lead.recycle", "recycle", () -> leads.recycle(current.id(),
                    current.version(), target.getValue() == null ? LeadStatus.NEW : target.getValue(),
                    reason.getValue())));
        }
        if (me.has(Role.LEADERSHIP) || me.has(Role.ADMIN)) {
            ComboBox<UserSummary> newOwner = new ComboBox<>();
            newOwner.setPlaceholder(getTranslation("lead.new-owner"));
            java.util.Map<Long, UserSummary> people = new java.util.LinkedHashMap<>();
            users.enabledWithRole(Role.MARKETING).forEach(u -> people.put(u.id(), u));
            users.enabledWithRole(Role.SALES).forEach(u -> people.put(u.id(), u));
            newOwner.setItems(people.values());
            newOwner.setItemLabelGenerator(UserSummary::displayName);
            newOwner.setId("reassign-owner");
            String type = app.funnel.lead.LeadStatus.LIFECYCLE.recordType();
            long open = work.openOfOwner(type, current.id());
            com.vaadin.flow.component.checkbox.Checkbox moveFollowUps = new com.vaadin.flow.component.checkbox.Checkbox(
                    getTranslation("record.move-follow-ups", open), true);
            moveFollowUps.setId("lead-move-follow-ups");
            moveFollowUps.setVisible(open > 0);
            Button reassign = new Button(getTranslation("lead.reassign"), e -> {
                if (newOwner.getValue() != null) {
                    String name = newOwner.getValue().displayName();
                    long previousOwner = current.ownerId();
                    run(() -> {
                        LeadDetails changed = leads.reassign(current.id(), current.version(), newOwner.getValue().id());
                        if (moveFollowUps.getValue() && open > 0) {
                            work.moveOpen(type, current.id(), previousOwner);
                        }
                        return changed;
                    }, getTranslation("lead.reassigned", name));
                }
            });
            reassign.setId("lead-reassign");
            buttons.add(newOwner, reassign, moveFollowUps);
        }
        for (LeadExtension extension : extensions) {
            extension.actions(current, () -> {
                lead = leads.get(current.id());
                onChange.run();
                render();
            }).forEach(buttons::add);
        }
        if (buttons.getComponentCount() == 0) {
            box.add(new Span(getTranslation("lead.no-actions")));
        }
        box.add(buttons);
        return box;
    }

    private Button action(String labelKey, String id, Supplier<LeadDetails> change) {
        return action(labelKey, id, change, null);
    }

    /** A change button; {@code done} says what happened when the status stays as it was (Accept). */
    private Button action(String labelKey, String id, Supplier<LeadDetails> change, @Nullable String done) {
        Button button = new Button(getTranslation(labelKey), e -> run(change, done));
        button.setId("lead-" + id);
        return button;
    }

    private void run(Supplier<LeadDetails> change) {
        run(change, null);
    }

    /** Runs a change; says what happened ({@code done}, or the new status when null). */
    private void run(Supplier<LeadDetails> change, @Nullable String done) {
        try {
            lead = change.get();
            onChange.run();
            Messages.success(done != null ? done
                    : getTranslation("lead.changed", getTranslation("status." + lead.status().name())));
            render();
        } catch (TransitionRefusedException refused) {
            LeadDetails current = lead;
            new MissingCriteriaDialog(refused.verdict(), codes -> {
                leads.confirmCriteria(current.id(), codes);
                run(change, done);
            }).open();
        } catch (InvalidInputException problem) {
            Messages.show(this, problem, null, Map.of());
        } catch (ConcurrentChangeException conflict) {
            Messages.show(this, conflict);
        }
    }

    private void save() {
        save(false);
    }

    private void save(boolean duplicatesConfirmed) {
        duplicates.setVisible(false);
        LeadForm form = java.util.Objects.requireNonNull(this.form);
        form.clearErrors();
        LeadInput input = form.input();
        try {
            lead = lead == null ? leads.create(input, duplicatesConfirmed)
                    : leads.update(lead.id(), lead.version(), input, duplicatesConfirmed);
            onChange.run();
            Messages.success(getTranslation("lead.saved", lead.firstName() + " " + lead.lastName()));
            render();
        } catch (DuplicatesFoundException found) {
            showDuplicates(found.duplicates());
        } catch (InvalidInputException problem) {
            Messages.show(this, problem, form.binder(), Map.of());
        } catch (ConcurrentChangeException conflict) {
            Messages.show(this, conflict);
        }
    }

    private void showDuplicates(List<DuplicateLead> found) {
        duplicates.removeAll();
        duplicates.add(new H3(getTranslation("lead.duplicates", found.size())));
        for (DuplicateLead duplicate : found) {
            duplicates.add(duplicateRow(duplicate));
        }
        Button anyway = new Button(getTranslation("lead.save-anyway"), e -> save(true));
        anyway.setId("save-anyway");
        anyway.addThemeVariants(ButtonVariant.ERROR);
        duplicates.add(anyway);
        duplicates.setVisible(true);
    }

    private void review(LeadDetails current, long signalId, boolean keep) {
        try {
            leads.reviewSignal(current.id(), signalId, keep);
            render();
        } catch (InvalidInputException problem) {
            Messages.show(this, problem, null, Map.of());
            render();
        }
    }

    /** The interest signals with their times, and a way to record one. */
    private Div signals(CurrentUser me, LeadDetails current) {
        Div box = new Div();
        box.setId("lead-signals");
        box.add(new H3(getTranslation("lead.signals")));
        var list = leads.signals(current.id());
        if (list.isEmpty()) {
            box.add(new Span(getTranslation("lead.no-signals")));
        }
        for (var signal : list) {
            Badge chip = Badges.of(getTranslation("signal." + signal.kind().name()) + " · "
                    + Messages.dateTime(signal.occurredAt())
                    + (signal.via() == null ? "" : " · " + getTranslation("lead.signal-via", signal.via())));
            if (!signal.reviewPending()) {
                box.add(chip);
                continue;
            }
            // a web form's post about a person already known: kept aside until someone looks
            chip.addClassName("warn");
            Div pending = new Div(chip, new Span(getTranslation("lead.signal-pending")));
            pending.addClassName("funnel-signal-pending");
            pending.setId("signal-pending-" + signal.id());
            if (me.has(app.funnel.security.Role.MARKETING) || mayWork(me, current)) {
                Button keep = new Button(getTranslation("lead.signal-keep"), e -> review(current, signal.id(), true));
                keep.setId("signal-keep-" + signal.id());
                Button discard = new Button(getTranslation("lead.signal-discard"),
                        e -> review(current, signal.id(), false));
                discard.setId("signal-discard-" + signal.id());
                pending.add(keep, discard);
            }
            box.add(pending);
        }
        if (mayWork(me, current)) {
            ComboBox<app.funnel.lead.SignalKind> kind = new ComboBox<>();
            kind.setPlaceholder(getTranslation("lead.signal-kind"));
            kind.setItems(app.funnel.lead.SignalKind.values());
            kind.setItemLabelGenerator(k -> getTranslation("signal." + k.name()));
            kind.setId("signal-kind");
            com.vaadin.flow.component.datetimepicker.DateTimePicker when =
                    new com.vaadin.flow.component.datetimepicker.DateTimePicker();
            when.setId("signal-when");
            Fields.localize(when);
            when.setDatePlaceholder(getTranslation("lead.signal-when"));
            Button add = new Button(getTranslation("lead.add-signal"), e -> {
                try {
                    leads.addSignal(current.id(), kind.getValue(), when.getValue() == null ? null
                            : when.getValue().atZone(Messages.zone(getUI().orElse(null))).toInstant());
                    render();
                } catch (InvalidInputException problem) {
                    Messages.show(this, problem, null, Map.of("signal", kind));
                }
            });
            add.setId("add-signal");
            HorizontalLayout row = new HorizontalLayout(kind, when, add);
            row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
            box.add(row);
        }
        return box;
    }

    /**
     * The lead's history in one timeline: every status change (from, to, who, when, why, and the
     * definitions version it was checked against) and every field, owner and merge change.
     */
    private com.vaadin.flow.component.details.Details history(LeadDetails current) {
        Div rows = new Div();
        rows.setId("lead-history");
        record Line(java.time.Instant at, Div row) {
        }
        List<Line> lines = new java.util.ArrayList<>();
        for (var change : leads.history(current.id())) {
            String from = change.from() == null ? "" : getTranslation("status." + change.from()) + " → ";
            String line = getTranslation("lead.history-line", Messages.dateTime(change.at()), change.by(),
                    from + getTranslation("status." + change.to()),
                    change.definitionVersion() == null ? "-" : change.definitionVersion());
            Div row = new Div(new Span(line));
            if (change.reason() != null) {
                Span reason = new Span(" — " + change.reason());
                reason.addClassName("funnel-muted");
                row.add(reason);
            }
            lines.add(new Line(change.at(), row));
        }
        for (var change : leads.fieldHistory(current.id())) {
            Div row = new Div();
            row.addClassName("funnel-field-change");
            if (change.field().equals("merged")) {
                row.add(new Span(getTranslation("lead.history-merged", Messages.dateTime(change.changedAt()),
                        change.changedBy(), nz(change.newValue()))));
            } else {
                row.add(new Span(getTranslation("lead.history-field", Messages.dateTime(change.changedAt()),
                        change.changedBy(), getTranslation("lead.history-field." + change.field()),
                        shown(change.field(), change.oldValue()), shown(change.field(), change.newValue()))));
            }
            lines.add(new Line(change.changedAt(), row));
        }
        lines.stream().sorted(java.util.Comparator.comparing(Line::at)).forEach(l -> rows.add(l.row()));
        var details = new com.vaadin.flow.component.details.Details(getTranslation("lead.history"), rows);
        details.setId("lead-history-details");
        return details;
    }

    /** A field's value as the history shows it: sources translated, long notes cut, empty as a dash. */
    private String shown(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return "–";
        }
        if (field.equals("source")) {
            return getTranslation("source." + value);
        }
        if (field.equals("referredById")) {
            return "#" + value;
        }
        return value.length() > 80 ? value.substring(0, 79) + "…" : value;
    }

    /** Other leads that look like the same person, each with a way to merge it into this one. */
    private Div possibleDuplicates(CurrentUser me, LeadDetails current) {
        Div box = new Div();
        box.setId("lead-possible-duplicates");
        List<DuplicateLead> found = leads.duplicatesOf(current.id());
        if (found.isEmpty()) {
            return box;
        }
        box.addClassName("funnel-duplicates");
        List<DuplicateLead> same = found.stream().filter(DuplicateLead::certain).toList();
        List<DuplicateLead> alike = found.stream().filter(d -> !d.certain()).toList();
        if (!same.isEmpty()) {
            box.add(new H3(getTranslation("lead.possible-duplicates", same.size())));
        }
        for (DuplicateLead duplicate : found) {
            if (duplicate == alike.stream().findFirst().orElse(null)) {
                // a shared switchboard or home line, a close name: shown to compare, never a block
                box.add(new H3(getTranslation("lead.alike-leads", alike.size())));
            }
            Div row = duplicateRow(duplicate);
            if (mayMerge(me, current) && mayMerge(me, leads.get(duplicate.id()))) {
                Button merge = new Button(getTranslation("lead.merge"), e -> confirmMerge(current, duplicate));
                merge.addThemeVariants(ButtonVariant.SMALL);
                merge.setId("merge-" + duplicate.id());
                merge.addClassName("funnel-merge");
                row.add(merge);
            }
            box.add(row);
        }
        return box;
    }

    /** A likely duplicate: its name opening it, its status, and why it matches. */
    private Div duplicateRow(DuplicateLead duplicate) {
        String why = duplicate.matches().stream().map(m -> getTranslation("lead.match." + m.name()))
                .collect(Collectors.joining(", "));
        Button open = new Button(duplicate.firstName() + " " + duplicate.lastName()
                + (duplicate.company().isEmpty() ? "" : " (" + duplicate.company() + ")"),
                e -> LeadDialog.open(leads, definitions, users, extensions, work, leads.get(duplicate.id()), onChange));
        open.addThemeVariants(ButtonVariant.TERTIARY);
        Badge status = Badges.of(getTranslation("status." + duplicate.status().name()));
        return new Div(open, new Span(" "), status, new Span(" · " + why + " "));
    }

    private void confirmMerge(LeadDetails survivor, DuplicateLead duplicate) {
        var confirm = new com.vaadin.flow.component.confirmdialog.ConfirmDialog();
        confirm.setId("merge-confirm");
        confirm.setHeader(getTranslation("lead.merge-title"));
        confirm.setText(getTranslation("lead.merge-text", duplicate.firstName() + " " + duplicate.lastName(),
                survivor.firstName() + " " + survivor.lastName()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("users.cancel"));
        confirm.setConfirmText(getTranslation("lead.merge"));
        confirm.addConfirmListener(e -> {
            LeadDetails other = leads.get(duplicate.id());
            run(() -> leads.merge(survivor.id(), survivor.version(), other.id(), other.version()),
                    getTranslation("lead.merged", other.firstName() + " " + other.lastName()));
        });
        confirm.open();
    }

    /** Who referred this lead, up to the first contact, and whom it referred. */
    private Div referrals(LeadDetails current) {
        Div box = new Div();
        box.setId("lead-referrals");
        List<LeadDetails> chain = leads.referralChain(current.id());
        List<LeadDetails> referred = leads.referredBy(current.id());
        if (chain.isEmpty() && referred.isEmpty()) {
            return box;
        }
        box.add(new H3(getTranslation("lead.referrals")));
        if (!chain.isEmpty()) {
            Div path = new Div(new Span(getTranslation("lead.chain") + " "));
            path.setId("lead-chain");
            for (LeadDetails step : chain) {
                path.add(link(step), new Span(" → "));
            }
            path.add(new Span(current.firstName() + " " + current.lastName()));
            box.add(path);
        }
        if (!referred.isEmpty()) {
            Div list = new Div(new Span(getTranslation("lead.referred") + " "));
            list.setId("lead-referred");
            referred.forEach(r -> list.add(link(r), new Span(" ")));
            box.add(list);
        }
        return box;
    }

    private Button link(LeadDetails other) {
        Button link = new Button(other.firstName() + " " + other.lastName()
                + (other.company() == null ? "" : " (" + other.company() + ")"),
                e -> LeadDialog.open(leads, definitions, users, extensions, work, leads.get(other.id()), onChange));
        link.addThemeVariants(ButtonVariant.TERTIARY);
        return link;
    }

    private boolean mayMerge(CurrentUser me, LeadDetails current) {
        return current.status() == LeadStatus.DISQUALIFIED && me.has(Role.MARKETING) || mayWork(me, current);
    }

    private boolean mayWork(CurrentUser me, LeadDetails current) {
        if ((current.status() == LeadStatus.NEW || current.status() == LeadStatus.MQL) && me.has(Role.MARKETING)) {
            return true;
        }
        return current.status() == LeadStatus.SQL && me.has(Role.SALES)
                && users.byUsername(me.username()).map(UserSummary::id).orElse(-1L) == current.ownerId();
    }

    private static String nz(@Nullable String value) {
        return value == null ? "" : value;
    }
}
