package app.funnel.opportunity.ui;

import com.vaadin.flow.component.badge.Badge;
import app.funnel.base.ui.Badges;
import app.funnel.base.ui.Fields;
import app.funnel.base.ConcurrentChangeException;
import app.funnel.base.InvalidInputException;
import app.funnel.base.ui.Messages;
import app.funnel.base.ui.Toolbar;
import app.funnel.definition.TransitionRefusedException;
import app.funnel.definition.ui.MissingCriteriaDialog;
import app.funnel.opportunity.LostReason;
import app.funnel.opportunity.OpportunityQuery;
import app.funnel.opportunity.OpportunityRow;
import app.funnel.opportunity.OpportunityService;
import app.funnel.opportunity.Stage;
import app.funnel.security.CurrentUser;
import app.funnel.security.Role;
import app.funnel.security.Roles;
import app.funnel.user.UserService;
import app.funnel.user.UserSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.dnd.DragSource;
import com.vaadin.flow.component.dnd.DropTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * The funnel board: a column per stage with its count, total and weighted amount; cards with name,
 * account, amount, close date, owner and days in stage, marked stale (no change for a configurable
 * number of days) or overdue (past the close date). Dragging a card to another column runs the
 * same checked stage change as the dialog; a refused drop leaves the card where it was and says
 * what is missing, with a way to confirm it there. Columns load in pages ("show more").
 */
@Route("board")
@Menu(order = 31, title = "menu.board", icon = "vaadin:grid-big")
@RolesAllowed({Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP, Roles.ADMIN})
final class BoardView extends Main implements HasDynamicTitle {

    /** The browser tab in the user's language. */
    @Override
    public String getPageTitle() {
        return getTranslation("menu.board") + " · " + getTranslation("app.name");
    }

    static final int PAGE = 20;

    private final OpportunityService opportunities;
    private final UserService users;
    private final Clock clock;
    private final int staleDays;
    private final Map<Long, String> owners;
    private final long myId;
    private final ComboBox<String> scope = new ComboBox<>();
    private final ComboBox<UserSummary> owner = new ComboBox<>();
    private final ComboBox<String> quarter = new ComboBox<>();
    private final Div columns = new Div();
    private final Map<Stage, Column> columnOf = new EnumMap<>(Stage.class);

    private final app.funnel.activity.ui.RecordWorkPanels work;
    /** Of the open deals shown, those with an open next step; the others are marked "No next step". */
    private final java.util.Set<Long> withNextStep = new java.util.HashSet<>();
    private final app.funnel.definition.DefinitionService definitions;
    private final app.funnel.lead.LeadService leads;

    BoardView(OpportunityService opportunities, UserService users, Clock clock,
              app.funnel.opportunity.OpportunityProperties properties, app.funnel.activity.ui.RecordWorkPanels work,
              app.funnel.base.ui.LiveUpdates live, app.funnel.definition.DefinitionService definitions,
              app.funnel.lead.LeadService leads) {
        this.work = work;
        this.definitions = definitions;
        this.leads = leads;
        // a colleague moved or changed a deal: the columns follow without a reload (coalesced)
        String myName = app.funnel.security.CurrentUser.get().map(app.funnel.security.CurrentUser::username).orElse("");
        live.subscribe(this, change -> change.recordType().equals(Stage.LIFECYCLE.recordType())
                && !myName.equals(change.by()), change -> reload());
        this.opportunities = opportunities;
        this.users = users;
        this.clock = clock;
        this.staleDays = properties.staleDays();
        this.owners = users.displayNames();
        this.myId = users.byUsername(CurrentUser.require().username()).map(UserSummary::id).orElse(-1L);
        addClassNames("funnel-view", "funnel-board-view");
        CurrentUser me = CurrentUser.require();

        scope.setId("board-scope");
        scope.setItems("mine", "all");
        scope.setItemLabelGenerator(s -> getTranslation("board.scope." + s));
        scope.setValue(me.has(Role.SALES) ? "mine" : "all");
        scope.setVisible(me.has(Role.SALES));
        owner.setId("board-owner");
        owner.setPlaceholder(getTranslation("opportunities.any-owner"));
        owner.setItems(users.enabledWithRole(Role.SALES));
        owner.setItemLabelGenerator(UserSummary::displayName);
        owner.setClearButtonVisible(true);
        quarter.setId("board-quarter");
        quarter.setPlaceholder(getTranslation("board.any-quarter"));
        quarter.setItems(quarters());
        quarter.setClearButtonVisible(true);
        scope.addValueChangeListener(e -> {
            if ("mine".equals(e.getValue())) {
                owner.clear();
            }
            reload();
        });
        owner.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                scope.setValue("all");
            }
            reload();
        });
        quarter.addValueChangeListener(e -> reload());

        columns.setId("board");
        columns.addClassName("funnel-board");
        for (Stage stage : Stage.values()) {
            Column column = new Column(stage);
            columnOf.put(stage, column);
            columns.add(column);
        }
        Toolbar toolbar = new Toolbar(scope, owner, quarter);
        if (me.has(Role.SALES)) {
            // the new deal's card appears in Qualification
            toolbar.end(NewDealDialog.button(opportunities, id -> reload()));
        }
        add(toolbar, columns);
        reload();
    }

    private List<String> quarters() {
        LocalDate today = LocalDate.now(clock);
        List<String> list = new ArrayList<>();
        for (int i = -2; i <= 5; i++) {
            LocalDate day = today.plusMonths(3L * i);
            String q = day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
            if (!list.contains(q)) {
                list.add(q);
            }
        }
        return list;
    }

    private OpportunityQuery query(Stage stage) {
        Long ownerId = owner.getValue() != null ? Long.valueOf(owner.getValue().id())
                : "mine".equals(scope.getValue()) ? Long.valueOf(myId) : null;
        LocalDate from = null;
        LocalDate to = null;
        if (quarter.getValue() != null) {
            int year = Integer.parseInt(quarter.getValue().substring(0, 4));
            int q = quarter.getValue().charAt(6) - '0';
            from = LocalDate.of(year, (q - 1) * 3 + 1, 1);
            to = from.plusMonths(3).minusDays(1);
        }
        return new OpportunityQuery(stage, ownerId, null, from, to, null, null);
    }

    private void reload() {
        columnOf.values().forEach(Column::reload);
    }

    /** One stage: header with count, total and weighted amount; cards in pages; a drop target. */
    private final class Column extends Div {

        private final Stage stage;
        private final Span header = new Span();
        private final Div cards = new Div();
        private final Button more = new Button(getTranslation("board.more"));
        private int loaded;
        /** Won and Lost start folded to a narrow strip (title and count), so every stage fits at 1440 px; still a drop target. */
        private boolean folded;

        Column(Stage stage) {
            this.stage = stage;
            this.folded = !stage.isOpen();
            setId("column-" + stage.name());
            addClassName("funnel-column");
            setClassName("folded", folded);
            header.addClassName("funnel-column-header");
            cards.addClassName("funnel-deals");
            more.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
            more.setId("more-" + stage.name());
            more.addClickListener(e -> loadPage());
            add(header, cards, more);
            DropTarget<Column> target = DropTarget.create(this);
            target.addDropListener(e -> e.getDragData().ifPresent(data -> {
                if (data instanceof OpportunityRow row && row.stage() != stage) {
                    dropped(row, stage);
                }
            }));
        }

        void reload() {
            cards.removeAll();
            loaded = 0;
            var totals = opportunities.totals(query(stage));
            long count = totals.stream().mapToLong(t -> t.count()).sum();
            header.removeAll();
            Span title = new Span(folded ? getTranslation("board.folded-title", getTranslation("stage." + stage.name()), count)
                    : getTranslation("stage." + stage.name()));
            title.addClassName("funnel-column-title");
            java.util.function.IntFunction<String> others = n -> getTranslation("board.other-currencies", n);
            Span figures = new Span(getTranslation("board.header", count, Money.main(totals, false, others),
                    Money.main(totals, true, others)));
            figures.addClassName("funnel-muted");
            // every currency in full on hover: amounts in different currencies are never added up
            figures.getElement().setAttribute("title", Money.totals(totals, false) + "\n"
                    + getTranslation("board.weighted", Money.totals(totals, true)));
            figures.addClassName("funnel-column-figures");
            Button fold = new Button(new Icon(folded ? VaadinIcon.EXPAND_SQUARE : VaadinIcon.COMPRESS_SQUARE),
                    e -> fold(!folded));
            fold.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
            fold.addClassName("funnel-column-fold");
            fold.setId("fold-" + stage.name());
            String label = getTranslation(folded ? "board.unfold" : "board.fold", getTranslation("stage." + stage.name()));
            fold.setAriaLabel(label);
            fold.setTooltipText(label);
            header.add(fold, title, figures);
            header.getElement().setAttribute("data-count", String.valueOf(count));
            if (folded) {
                more.setVisible(false);
                return; // a folded column shows no cards: none are read
            }
            loadPage();
            more.setVisible(loaded < count);
        }

        void fold(boolean fold) {
            folded = fold;
            setClassName("folded", fold);
            reload();
        }

        void loadPage() {
            List<OpportunityRow> page = opportunities.search(query(stage),
                    PageRequest.of(loaded / PAGE, PAGE, Sort.by("expectedClose")));
            if (stage.isOpen()) {
                withNextStep.addAll(work.withOpenFollowUp(Stage.LIFECYCLE.recordType(),
                        page.stream().map(OpportunityRow::id).toList()));
            }
            page.forEach(row -> cards.add(card(row)));
            loaded += page.size();
            long count = Long.parseLong(header.getElement().getAttribute("data-count") == null ? "0"
                    : header.getElement().getAttribute("data-count"));
            more.setVisible(page.size() == PAGE && loaded < count);
        }
    }

    private Div card(OpportunityRow row) {
        Div card = new Div();
        card.setId("card-" + row.id());
        card.addClassName("funnel-deal");
        Span title = new Span(row.name());
        title.addClassName("funnel-deal-title");
        long days = Duration.between(row.stageChangedAt(), clock.instant()).toDays();
        card.add(title, new Div(new Span(row.accountName())),
                new Div(new Span(Money.format(row.amount(), row.currency()) + " · " + row.probability() + " %")),
                new Div(new Span(getTranslation("board.card-line", app.funnel.base.ui.Messages.date(row.expectedClose()),
                        owners.getOrDefault(row.ownerId(), "?"), days))));
        if (row.stage().isOpen() && row.expectedClose().isBefore(LocalDate.now(clock))) {
            Badge overdue = Badges.of(getTranslation("board.overdue"), Badges.Tone.BAD);
            card.add(overdue);
            card.addClassName("overdue");
        }
        if (row.stage().isOpen() && !withNextStep.contains(row.id())) {
            card.add(Badges.of(getTranslation("work.no-next-step"), Badges.Tone.WARN));
        }
        if (row.stage().isOpen() && Duration.between(row.updatedAt(), clock.instant()).toDays() > staleDays) {
            Badge stale = Badges.of(getTranslation("board.stale", staleDays), Badges.Tone.WARN);
            card.add(stale);
            card.addClassName("stale");
        }
        CurrentUser me = CurrentUser.require();
        boolean mayMove = row.stage().isOpen() ? me.has(Role.SALES) && row.ownerId() == myId : me.has(Role.LEADERSHIP);
        if (mayMove) {
            DragSource<Div> source = DragSource.create(card);
            source.setDragData(row);
            card.addClassName("draggable");
            card.add(moveMenu(row));
        }
        // one click (or Enter on the focused card) opens the deal; the card is a focusable button
        card.getElement().setAttribute("tabindex", "0");
        card.getElement().setAttribute("role", "button");
        card.getElement().setAttribute("aria-label", getTranslation("board.card-label", row.name(),
                getTranslation("stage." + row.stage().name())));
        card.getElement().addEventListener("click", e -> openDialog(row.id()));
        card.getElement().addEventListener("keydown", e -> openDialog(row.id()))
                .setFilter("event.key === 'Enter' && event.target === element");
        return card;
    }

    /**
     * "Move to…" on a card: the keyboard's (and a phone's) way to do what a drop does, with the same
     * checked change. The menu's clicks do not reach the card (which would open it).
     */
    private Component moveMenu(OpportunityRow row) {
        Button move = new Button(getTranslation("board.move-to"), new Icon(VaadinIcon.ARROWS_LONG_RIGHT));
        move.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        move.addClassName("funnel-deal-move");
        move.setId("move-" + row.id());
        move.getElement().executeJs("this.addEventListener('click', e => e.stopPropagation());"
                + "this.addEventListener('keydown', e => e.stopPropagation());");
        com.vaadin.flow.component.contextmenu.ContextMenu menu = new com.vaadin.flow.component.contextmenu.ContextMenu(move);
        menu.setOpenOnClick(true);
        for (Stage stage : Stage.values()) {
            if (stage != row.stage()) {
                menu.addItem(getTranslation("stage." + stage.name()), e -> dropped(row, stage))
                        .setId("move-" + row.id() + "-" + stage.name());
            }
        }
        return move;
    }

    /** The deal in a dialog over the board (its page is {@code opportunities/45}); a change there shows on the board. */
    private void openDialog(long id) {
        app.funnel.opportunity.OpportunityDetails deal;
        try {
            deal = opportunities.get(id);
        } catch (app.funnel.base.InvalidInputException missing) {
            app.funnel.base.ui.Messages.error(getTranslation(missing.messageKey(), missing.arguments()));
            reload();
            return;
        }
        new OpportunityDialog(opportunities, definitions, leads, users, work, deal, this::reload).open();
    }

    /** A card dropped on another column: what the stage needs (a reason back, a lost reason), then the change. */
    void dropped(OpportunityRow row, Stage to) {
        boolean back = to.isBackFrom(row.stage()) || !row.stage().isOpen();
        if (to == Stage.CLOSED_LOST || back) {
            askThenMove(row, to);
        } else {
            move(row, to, null, null, null);
        }
    }

    private void askThenMove(OpportunityRow row, Stage to) {
        Dialog ask = new Dialog();
        ask.setId("drop-dialog");
        ask.setHeaderTitle(getTranslation("board.drop-title", row.name(), getTranslation("stage." + to.name())));
        TextField reason = new TextField(getTranslation("opportunity.reason"));
        reason.setId("drop-reason");
        Fields.limit(reason, 1000);
        reason.setWidthFull();
        ComboBox<LostReason> lostReason = new ComboBox<>(getTranslation("opportunity.lost-reason"));
        lostReason.setId("drop-lost-reason");
        lostReason.setItems(LostReason.values());
        lostReason.setItemLabelGenerator(r -> getTranslation("lost." + r.name()));
        TextField lostNote = new TextField(getTranslation("opportunity.lost-note"));
        lostNote.setId("drop-lost-note");
        Fields.limit(lostNote, 1000);
        lostNote.setWidthFull();
        boolean lost = to == Stage.CLOSED_LOST;
        lostReason.setVisible(lost);
        lostNote.setVisible(lost);
        reason.setVisible(!lost);
        ask.add(reason, lostReason, lostNote);
        Button cancel = new Button(getTranslation("users.cancel"), e -> {
            ask.close();
            reloadBoth(row.stage(), to);
        });
        Button go = new Button(getTranslation("opportunity.move"), e -> move(row, to, reason.getValue(),
                lostReason.getValue(), lostNote.getValue(), ask, Map.of("reason", reason, "lostReason", lostReason,
                        "lostNote", lostNote)));
        go.setId("drop-confirm");
        go.addThemeVariants(ButtonVariant.PRIMARY);
        ask.getFooter().add(cancel, go);
        ask.open();
    }

    private void move(OpportunityRow row, Stage to, @Nullable String reason, @Nullable LostReason lostReason,
                      @Nullable String lostNote) {
        move(row, to, reason, lostReason, lostNote, null, Map.of());
    }

    private void move(OpportunityRow row, Stage to, @Nullable String reason, @Nullable LostReason lostReason,
                      @Nullable String lostNote, @Nullable Dialog ask,
                      Map<String, ? extends com.vaadin.flow.component.HasValidation> fields) {
        try {
            var deal = opportunities.moveStage(row.id(), row.version(), to, reason, lostReason, lostNote);
            if (ask != null) {
                ask.close();
            }
            undoable(row, deal, to);
            reloadBoth(row.stage(), to);
        } catch (TransitionRefusedException refused) {
            reloadBoth(row.stage(), to);
            new MissingCriteriaDialog(refused.verdict(), confirmAndRetry(row, to, reason, lostReason, lostNote, ask,
                    fields)).open();
        } catch (InvalidInputException problem) {
            if (ask != null) {
                Messages.show(ask, problem, null, fields);
            } else {
                Messages.error(getTranslation(problem.messageKey(), problem.arguments()));
                reloadBoth(row.stage(), to);
            }
        } catch (ConcurrentChangeException conflict) {
            if (ask != null) {
                ask.close();
            }
            Messages.show(this, conflict);
            reload();
        }
    }

    /**
     * Says the move, with an Undo that moves the deal back (the same checked change, its reason
     * "Undo"), while nobody changed the deal since.
     */
    private com.vaadin.flow.component.notification.@Nullable Notification lastMove;

    private void undoable(OpportunityRow row, app.funnel.opportunity.OpportunityDetails deal, Stage to) {
        if (lastMove != null) {
            lastMove.close(); // one Undo at a time: the latest move's
        }
        com.vaadin.flow.component.notification.Notification note = new com.vaadin.flow.component.notification.Notification();
        lastMove = note;
        note.setDuration(8000);
        note.setPosition(com.vaadin.flow.component.notification.Notification.Position.BOTTOM_START);
        Button undo = new Button(getTranslation("board.undo"), e -> {
            note.close();
            try {
                opportunities.moveStage(deal.id(), deal.version(), row.stage(), getTranslation("board.undo"), null, null);
                Messages.success(getTranslation("board.moved", deal.name(), getTranslation("stage." + row.stage().name())));
            } catch (RuntimeException refused) {
                Messages.error(getTranslation("board.undo-refused"));
            }
            reloadBoth(row.stage(), to);
        });
        undo.setId("board-undo");
        undo.addThemeVariants(ButtonVariant.TERTIARY);
        note.add(new Span(getTranslation("board.moved", deal.name(), getTranslation("stage." + to.name()))), undo);
        note.open();
    }

    private Consumer<java.util.Set<String>> confirmAndRetry(OpportunityRow row, Stage to, @Nullable String reason,
                                                            @Nullable LostReason lostReason, @Nullable String lostNote,
                                                            @Nullable Dialog ask,
                                                            Map<String, ? extends com.vaadin.flow.component.HasValidation> fields) {
        return codes -> {
            opportunities.confirmCriteria(row.id(), codes);
            move(row, to, reason, lostReason, lostNote, ask, fields);
        };
    }

    private void reloadBoth(Stage from, Stage to) {
        columnOf.get(from).reload();
        columnOf.get(to).reload();
    }
}
