package app.funnel.bulk.ui;

import app.funnel.activity.FollowUpInput;
import app.funnel.base.InvalidInputException;
import app.funnel.base.ui.Fields;
import app.funnel.base.ui.Messages;
import app.funnel.bulk.BulkAction;
import app.funnel.bulk.BulkResult;
import app.funnel.bulk.BulkService;
import app.funnel.bulk.BulkUndo;
import app.funnel.definition.Criterion;
import app.funnel.definition.DefinitionService;
import app.funnel.definition.Term;
import app.funnel.lead.DisqualificationReason;
import app.funnel.lead.LeadStatus;
import app.funnel.opportunity.LostReason;
import app.funnel.opportunity.Stage;
import app.funnel.security.Role;
import app.funnel.user.UserService;
import app.funnel.user.UserSummary;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.text.NumberFormat;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * Asks what a bulk action needs (an owner, a reason, the criteria to confirm for every row),
 * runs it off the request thread with a progress bar, then says how many rows changed, lists the
 * refused ones with their reason, and offers the undo.
 */
class BulkDialog extends Dialog {

    /** The actions the bars offer, with who may start them and on which grid. */
    enum Choice {
        REASSIGN(EnumSet.of(Role.LEADERSHIP, Role.ADMIN), EnumSet.allOf(BulkAction.Kind.class)),
        HAND_OVER(EnumSet.of(Role.MARKETING), EnumSet.of(BulkAction.Kind.LEADS)),
        DISQUALIFY(EnumSet.of(Role.MARKETING, Role.SALES), EnumSet.of(BulkAction.Kind.LEADS)),
        RECYCLE(EnumSet.of(Role.MARKETING), EnumSet.of(BulkAction.Kind.LEADS)),
        MOVE_STAGE(EnumSet.of(Role.SALES, Role.LEADERSHIP), EnumSet.of(BulkAction.Kind.DEALS)),
        FOLLOW_UP(EnumSet.of(Role.MARKETING, Role.SALES, Role.LEADERSHIP, Role.ADMIN), EnumSet.allOf(BulkAction.Kind.class));

        private final Set<Role> roles;
        private final Set<BulkAction.Kind> kinds;

        Choice(Set<Role> roles, Set<BulkAction.Kind> kinds) {
            this.roles = roles;
            this.kinds = kinds;
        }

        Set<Role> roles() {
            return roles;
        }

        static List<Choice> offered(BulkAction.Kind kind) {
            return java.util.Arrays.stream(values()).filter(choice -> choice.kinds.contains(kind)).toList();
        }
    }

    private final BulkService bulk;
    private final List<Long> rows;
    private final Runnable changed;
    /** A plain column (a Div: the dialog is reached through a bean, so the bundle sees only what views use). */
    private final Div body = new Div();
    private final Button apply = new Button();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private boolean anyChange;

    BulkDialog(BulkService bulk, UserService users, DefinitionService definitions, BulkAction.Kind kind, Choice choice,
               List<Long> rows, Runnable changed) {
        this.bulk = bulk;
        this.rows = rows;
        this.changed = changed;
        setId("bulk-dialog");
        setHeaderTitle(getTranslation("bulk.action." + choice.name()));
        setWidth("min(34rem, 100vw)");
        body.addClassName("funnel-bulk-body");
        body.add(new Paragraph(getTranslation(kind == BulkAction.Kind.LEADS ? "bulk.rows.leads" : "bulk.rows.deals",
                NumberFormat.getIntegerInstance(getLocale()).format(rows.size()))));
        Supplier<@Nullable BulkAction> action = form(users, definitions, kind, choice);
        apply.setText(getTranslation("bulk.apply", NumberFormat.getIntegerInstance(getLocale()).format(rows.size())));
        apply.setId("bulk-apply");
        apply.addThemeVariants(ButtonVariant.PRIMARY);
        apply.addClickListener(e -> {
            fields.values().forEach(field -> field.setInvalid(false));
            BulkAction chosen = action.get();
            if (chosen != null) {
                run(progress -> bulk.run(chosen, rows, progress), rows.size());
            }
        });
        Button close = new Button(getTranslation("bulk.close"), e -> close());
        close.setId("bulk-close");
        getFooter().add(close, apply);
        add(body);
        addOpenedChangeListener(e -> {
            if (!e.isOpened() && anyChange) {
                changed.run();
            }
        });
    }

    /** The action's fields; the supplier gives the action, or null after marking what to fix. */
    private Supplier<@Nullable BulkAction> form(UserService users, DefinitionService definitions, BulkAction.Kind kind,
                                                Choice choice) {
        return switch (choice) {
            case REASSIGN -> {
                ComboBox<UserSummary> owner = owners(users, kind == BulkAction.Kind.LEADS
                        ? List.of(Role.MARKETING, Role.SALES) : List.of(Role.SALES), "bulk.owner");
                owner.setRequiredIndicatorVisible(true);
                body.add(owner);
                yield () -> required(owner, owner.getValue() != null) ? kind == BulkAction.Kind.LEADS
                        ? new BulkAction.ReassignLeads(owner.getValue().id())
                        : new BulkAction.ReassignDeals(owner.getValue().id()) : null;
            }
            case HAND_OVER -> {
                ComboBox<UserSummary> owner = owners(users, List.of(Role.SALES), "bulk.sales-owner");
                owner.setPlaceholder(getTranslation("bulk.round-robin"));
                CheckboxGroup<Criterion> criteria = criteria(definitions, Term.SQL);
                body.add(owner, criteria);
                yield () -> new BulkAction.HandOver(owner.getValue() == null ? null : owner.getValue().id(),
                        codes(criteria));
            }
            case DISQUALIFY -> {
                Select<DisqualificationReason> reason = new Select<>();
                reason.setLabel(getTranslation("bulk.disqualify-reason"));
                reason.setId("bulk-reason");
                reason.setItems(DisqualificationReason.values());
                reason.setItemLabelGenerator(r -> getTranslation("reason." + r.name()));
                TextArea note = new TextArea(getTranslation("bulk.note"));
                note.setId("bulk-note");
                note.setMaxLength(1000);
                body.add(reason, note);
                fields.put("reason", reason);
                fields.put("note", note);
                yield () -> required(reason, reason.getValue() != null)
                        && required(note, reason.getValue() != DisqualificationReason.OTHER || !note.getValue().isBlank())
                        ? new BulkAction.Disqualify(reason.getValue(), note.getValue()) : null;
            }
            case RECYCLE -> {
                RadioButtonGroup<LeadStatus> target = new RadioButtonGroup<>(getTranslation("bulk.recycle-to"));
                target.setId("bulk-target");
                target.setItems(LeadStatus.NEW, LeadStatus.MQL);
                target.setItemLabelGenerator(s -> getTranslation("status." + s.name()));
                target.setValue(LeadStatus.NEW);
                TextField reason = Fields.text(getTranslation("bulk.reason"), 1000);
                reason.setId("bulk-reason");
                CheckboxGroup<Criterion> criteria = criteria(definitions, Term.MQL);
                criteria.setVisible(false);
                target.addValueChangeListener(e -> criteria.setVisible(e.getValue() == LeadStatus.MQL));
                body.add(target, reason, criteria);
                fields.put("reason", reason);
                yield () -> required(reason, !reason.getValue().isBlank())
                        ? new BulkAction.Recycle(target.getValue(), reason.getValue(),
                                target.getValue() == LeadStatus.MQL ? codes(criteria) : Set.of()) : null;
            }
            case MOVE_STAGE -> {
                Select<Stage> stage = new Select<>();
                stage.setLabel(getTranslation("bulk.stage"));
                stage.setId("bulk-stage");
                stage.setItems(Stage.values());
                stage.setItemLabelGenerator(s -> getTranslation("stage." + s.name()));
                TextField reason = Fields.text(getTranslation("bulk.reason-back"), 1000);
                reason.setId("bulk-reason");
                Select<LostReason> lost = new Select<>();
                lost.setLabel(getTranslation("bulk.lost-reason"));
                lost.setId("bulk-lost-reason");
                lost.setItems(LostReason.values());
                lost.setItemLabelGenerator(r -> getTranslation("lost." + r.name()));
                TextArea lostNote = new TextArea(getTranslation("bulk.lost-note"));
                lostNote.setId("bulk-lost-note");
                lostNote.setMaxLength(1000);
                Div criteriaHolder = new Div();
                lost.setVisible(false);
                lostNote.setVisible(false);
                @SuppressWarnings("unchecked")
                CheckboxGroup<Criterion>[] criteria = new CheckboxGroup[1];
                stage.addValueChangeListener(e -> {
                    boolean isLost = e.getValue() == Stage.CLOSED_LOST;
                    lost.setVisible(isLost);
                    lostNote.setVisible(isLost);
                    criteriaHolder.removeAll();
                    criteria[0] = e.getValue() == null ? null : criteria(definitions, e.getValue().term());
                    if (criteria[0] != null) {
                        criteriaHolder.add(criteria[0]);
                    }
                });
                body.add(stage, reason, lost, lostNote, criteriaHolder);
                fields.put("stage", stage);
                fields.put("reason", reason);
                fields.put("lostReason", lost);
                fields.put("lostNote", lostNote);
                yield () -> {
                    if (!required(stage, stage.getValue() != null)) {
                        return null;
                    }
                    boolean isLost = stage.getValue() == Stage.CLOSED_LOST;
                    if (isLost && !(required(lost, lost.getValue() != null) & required(lostNote, !lostNote.getValue().isBlank()))) {
                        return null;
                    }
                    return new BulkAction.MoveStage(stage.getValue(), reason.getValue().isBlank() ? null : reason.getValue(),
                            isLost ? lost.getValue() : null, isLost ? lostNote.getValue() : null,
                            criteria[0] == null ? Set.of() : codes(criteria[0]));
                };
            }
            case FOLLOW_UP -> {
                TextField title = Fields.text(getTranslation("work.follow-up.title"), 200);
                title.setId("bulk-follow-up-title");
                DateTimePicker due = new DateTimePicker(getTranslation("work.follow-up.due"));
                due.setId("bulk-follow-up-due");
                Fields.localize(due);
                ZoneId zone = Messages.zone(UI.getCurrent());
                due.setValue(LocalDateTime.of(LocalDateTime.now(zone).toLocalDate().plusDays(1), LocalTime.of(9, 0)));
                Paragraph who = new Paragraph(getTranslation("bulk.follow-up.owner"));
                who.addClassName("funnel-muted");
                body.add(title, due, who);
                fields.put("title", title);
                fields.put("dueAt", due);
                yield () -> required(title, !title.getValue().isBlank()) & required(due, due.getValue() != null)
                        ? new BulkAction.AddFollowUp(kind, new FollowUpInput(title.getValue(),
                                due.getValue().atZone(zone).toInstant(), null, null)) : null;
            }
        };
    }

    private ComboBox<UserSummary> owners(UserService users, List<Role> roles, String labelKey) {
        ComboBox<UserSummary> owner = new ComboBox<>(getTranslation(labelKey));
        owner.setId("bulk-owner");
        Map<Long, UserSummary> people = new LinkedHashMap<>();
        roles.forEach(role -> users.enabledWithRole(role).forEach(u -> people.putIfAbsent(u.id(), u)));
        owner.setItems(people.values());
        owner.setItemLabelGenerator(UserSummary::displayName);
        owner.setClearButtonVisible(true);
        fields.put("owner", owner);
        return owner;
    }

    private CheckboxGroup<Criterion> criteria(DefinitionService definitions, Term term) {
        CheckboxGroup<Criterion> criteria = new CheckboxGroup<>(getTranslation("bulk.confirm", term.name()));
        criteria.setId("bulk-criteria");
        criteria.setItems(definitions.entry(definitions.currentVersion(), term).criteria());
        criteria.setItemLabelGenerator(Criterion::name);
        criteria.setHelperText(getTranslation("bulk.confirm.help"));
        return criteria;
    }

    private static Set<String> codes(CheckboxGroup<Criterion> criteria) {
        return criteria.getValue().stream().map(Criterion::code).collect(Collectors.toSet());
    }

    private boolean required(HasValidation field, boolean ok) {
        if (!ok) {
            field.setErrorMessage(getTranslation("bulk.required"));
            field.setInvalid(true);
        }
        return ok;
    }

    /** Runs the work off the request thread, showing its progress; then the result. */
    private void run(java.util.function.Function<IntConsumer, BulkResult> work, int total) {
        UI ui = UI.getCurrent();
        apply.setEnabled(false);
        body.removeAll();
        ProgressBar bar = new ProgressBar(0, Math.max(1, total), 0);
        bar.setId("bulk-progress");
        Paragraph status = new Paragraph(getTranslation("bulk.running", 0, total));
        body.add(status, bar);
        CompletableFuture.runAsync(new DelegatingSecurityContextRunnable(() -> {
            BulkResult result = null;
            RuntimeException failure = null;
            try {
                result = work.apply(done -> ui.access(() -> {
                    bar.setValue(done);
                    status.setText(getTranslation("bulk.running", done, total));
                }));
            } catch (RuntimeException e) {
                failure = e;
            }
            BulkResult outcome = result;
            RuntimeException failed = failure;
            ui.access(() -> {
                if (outcome != null) {
                    show(outcome);
                } else {
                    body.removeAll();
                    String message = failed instanceof InvalidInputException invalid
                            ? getTranslation(invalid.messageKey(), invalid.arguments())
                            : getTranslation("bulk.failed");
                    body.add(new Paragraph(message));
                    org.slf4j.LoggerFactory.getLogger(BulkDialog.class).warn("Bulk action failed", failed);
                }
            });
        }));
    }

    private void show(BulkResult result) {
        anyChange |= result.changed() > 0;
        body.removeAll();
        NumberFormat numbers = NumberFormat.getIntegerInstance(getLocale());
        Paragraph summary = new Paragraph(getTranslation("bulk.done", numbers.format(result.changed()),
                numbers.format(result.asked())));
        summary.setId("bulk-summary");
        body.add(summary);
        if (!result.refused().isEmpty()) {
            Paragraph head = new Paragraph(getTranslation("bulk.refused", numbers.format(result.refused().size())));
            Div list = new Div();
            list.setId("bulk-refused");
            list.addClassName("funnel-bulk-refused");
            result.refused().stream().limit(200).forEach(refusal -> {
                Div line = new Div();
                line.addClassName("funnel-bulk-refused-line");
                line.setText(refusal.name() + " · " + getTranslation(refusal.messageKey(), refusal.arguments().toArray()));
                list.add(line);
            });
            if (result.refused().size() > 200) {
                list.add(new Div(getTranslation("bulk.refused.more", numbers.format(result.refused().size() - 200))));
            }
            body.add(head, list);
        }
        apply.setVisible(false);
        if (undoButton != null) {
            getFooter().remove(undoButton);
            undoButton = null;
        }
        BulkUndo undo = result.undo();
        if (undo != null) {
            Button button = new Button(getTranslation("bulk.undo", numbers.format(undo.size())));
            button.setId("bulk-undo");
            button.addClickListener(e -> {
                button.setEnabled(false);
                run(progress -> bulk.undo(undo, progress), undo.size());
            });
            getFooter().add(button);
            undoButton = button;
        } else if (!"bulk.action.UNDO".equals(result.nameKey()) && result.changed() > 0) {
            Paragraph note = new Paragraph(getTranslation("bulk.no-undo"));
            note.addClassName("funnel-muted");
            body.add(note);
        }
    }

    private @Nullable Button undoButton;
}
