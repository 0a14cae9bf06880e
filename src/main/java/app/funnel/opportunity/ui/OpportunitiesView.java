package app.funnel.opportunity.ui;

import com.vaadin.flow.component.badge.Badge;
import app.funnel.base.ui.Badges;
import app.funnel.base.ui.Fields;
import app.funnel.base.InvalidInputException;
import app.funnel.base.ui.Messages;
import app.funnel.base.ui.Toolbar;
import app.funnel.definition.DefinitionService;
import app.funnel.lead.LeadService;
import app.funnel.opportunity.OpportunityDetails;
import app.funnel.opportunity.OpportunityQuery;
import app.funnel.opportunity.OpportunityRow;
import app.funnel.opportunity.OpportunityService;
import app.funnel.opportunity.LostReason;
import app.funnel.opportunity.Stage;
import app.funnel.security.CurrentUser;
import app.funnel.security.Role;
import app.funnel.security.Roles;
import app.funnel.user.UserService;
import app.funnel.user.UserSummary;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The opportunity grid: filters for stage, owner ("mine"), close dates and amounts, sorting, loaded
 * page by page; its footer sums the filtered deals (count, total and weighted amount per currency)
 * in the database. A deal opened from the grid shows as {@code opportunities/123}, its page ({@link OpportunityPage}).
 */
@Route("opportunities")
@Menu(order = 30, title = "menu.opportunities", icon = "vaadin:handshake")
@RolesAllowed({Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP, Roles.ADMIN})
final class OpportunitiesView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    /** What the grid says when no deal is shown. */
    private final app.funnel.base.ui.EmptyState empty;


    /** The browser tab in the user's language. */
    @Override
    public String getPageTitle() {
        return getTranslation("menu.opportunities") + " · " + getTranslation("app.name");
    }

    private final OpportunityService opportunities;
    private final DefinitionService definitions;
    private final LeadService leads;
    private final UserService users;
    private final Clock clock;
    private final Map<Long, String> owners;
    private final Grid<OpportunityRow> grid = new Grid<>();
    private final ComboBox<Stage> stage = new ComboBox<>();
    private final Checkbox mine = new Checkbox();
    private final ComboBox<UserSummary> owner = new ComboBox<>();
    private final ComboBox<OpportunityService.AccountSummary> account = new ComboBox<>();
    private final DatePicker closeFrom = Fields.date(null);
    private final DatePicker closeTo = Fields.date(null);
    private final BigDecimalField amountMin = new BigDecimalField();
    private final BigDecimalField amountMax = new BigDecimalField();
    private final Span footer = new Span();
    /** The dashboard's drill-down: filters the grid has no field for, from the URL (removable as one). */
    private final Span drillDown = new Span();
    private OpportunityQuery drilled = OpportunityQuery.all();
    /** The filters, sort and columns in the URL. */
    private final app.funnel.base.ui.GridState<OpportunityRow> state = new app.funnel.base.ui.GridState<>(grid, "opportunities");

    private final app.funnel.activity.ui.RecordWorkPanels work;

    OpportunitiesView(OpportunityService opportunities, DefinitionService definitions, LeadService leads,
                      UserService users, app.funnel.activity.ui.RecordWorkPanels work, Clock clock,
                      List<app.funnel.base.ui.GridActions> gridActions,
                      app.funnel.savedview.SavedViewService savedViews) {
        this.work = work;
        this.opportunities = opportunities;
        this.definitions = definitions;
        this.leads = leads;
        this.users = users;
        this.clock = clock;
        this.owners = users.displayNames();
        addClassName("funnel-view");
        CurrentUser me = CurrentUser.require();

        stage.setPlaceholder(getTranslation("opportunities.any-stage"));
        stage.setItems(Stage.values());
        stage.setItemLabelGenerator(s -> getTranslation("stage." + s.name()));
        stage.setClearButtonVisible(true);
        stage.setId("filter-stage");
        mine.setLabel(getTranslation("opportunities.mine"));
        mine.setId("filter-mine");
        mine.setVisible(me.has(Role.SALES));
        owner.setPlaceholder(getTranslation("opportunities.any-owner"));
        owner.setItems(users.enabledWithRole(Role.SALES));
        owner.setItemLabelGenerator(UserSummary::displayName);
        owner.setClearButtonVisible(true);
        owner.setId("filter-owner");
        account.setPlaceholder(getTranslation("opportunities.any-account"));
        account.setItems(query -> opportunities.accounts(query.getFilter().orElse("")).stream()
                .skip(query.getOffset()).limit(query.getLimit()));
        account.setItemLabelGenerator(OpportunityService.AccountSummary::name);
        account.setClearButtonVisible(true);
        account.setId("filter-account");
        account.addValueChangeListener(e -> changed());
        closeFrom.setPlaceholder(getTranslation("opportunities.close-from"));
        closeFrom.setClearButtonVisible(true);
        closeTo.setPlaceholder(getTranslation("opportunities.close-to"));
        closeTo.setClearButtonVisible(true);
        amountMin.setPlaceholder(getTranslation("opportunities.amount-min"));
        amountMin.setClearButtonVisible(true);
        amountMin.setId("filter-amount-min");
        amountMax.setPlaceholder(getTranslation("opportunities.amount-max"));
        amountMax.setClearButtonVisible(true);
        stage.addValueChangeListener(e -> changed());
        mine.addValueChangeListener(e -> changed());
        owner.addValueChangeListener(e -> changed());
        closeFrom.addValueChangeListener(e -> changed());
        closeTo.addValueChangeListener(e -> changed());
        amountMin.addValueChangeListener(e -> changed());
        amountMax.addValueChangeListener(e -> changed());

        grid.setId("opportunities-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.addColumn(OpportunityRow::name).setHeader(getTranslation("opportunities.col.name"))
                .setKey("name").setSortProperty("name").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(OpportunityRow::accountName).setHeader(getTranslation("opportunities.col.account"))
                .setKey("account").setAutoWidth(true);
        grid.addComponentColumn(this::stageCell).setHeader(getTranslation("opportunities.col.stage"))
                .setKey("stage").setSortProperty("stage").setWidth("13rem").setFlexGrow(0);
        grid.addColumn(r -> Money.format(r.amount(), r.currency())).setHeader(getTranslation("opportunities.col.amount"))
                .setKey("amount").setSortProperty("amount").setAutoWidth(true).setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addColumn(r -> r.probability() + " %").setHeader(getTranslation("opportunities.col.probability"))
                .setKey("probability").setAutoWidth(true).setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addColumn(r -> app.funnel.base.ui.Messages.date(r.expectedClose())).setHeader(getTranslation("opportunities.col.close"))
                .setKey("close").setSortProperty("expectedClose").setAutoWidth(true);
        grid.addColumn(r -> owners.getOrDefault(r.ownerId(), "?")).setHeader(getTranslation("opportunities.col.owner"))
                .setKey("owner").setAutoWidth(true);
        grid.setItemsPageable(pageable -> opportunities.search(query(), pageable),
                pageable -> opportunities.count(query())).setIdentifierProvider(OpportunityRow::id);
        grid.addItemClickListener(e -> open(e.getItem().id()));
        empty = new app.funnel.base.ui.EmptyState(grid, "opportunities", getTranslation("opportunities.empty-filtered"),
                getTranslation("opportunities.empty-none"),
                () -> getUI().ifPresent(ui -> ui.navigate("opportunities",
                        com.vaadin.flow.router.QueryParameters.fromString(state.queryString(Map.of())))));
        grid.addSortListener(e -> remember());
        grid.setSizeFull();
        footer.setId("opportunities-footer");
        footer.addClassName("funnel-footer");

        drillDown.setId("filter-drill-down");
        drillDown.addClassName("funnel-badge");
        drillDown.setVisible(false);
        drillDown.getElement().addEventListener("click", e -> {
            drilled = OpportunityQuery.all();
            drillDown.setVisible(false);
            changed();
        });
        Toolbar toolbar = new Toolbar(stage, owner, account, closeFrom, closeTo, amountMin, amountMax, mine, drillDown)
                .end(new app.funnel.base.ui.CsvDownload("opportunities.csv", (delimiter, words, out) ->
                        opportunities.export(query(), delimiter, words, out)))
                .end(state.columnChooser(this::remember))
                .end(new app.funnel.savedview.ui.SavedViewsMenu(savedViews, "opportunities",
                        () -> state.queryString(filters())));
        if (me.has(Role.SALES)) {
            toolbar.end(NewDealDialog.button(opportunities,
                    id -> getUI().ifPresent(ui -> ui.navigate("opportunities/" + id))));
        }
        add(toolbar);
        app.funnel.base.ui.GridActions.attach(grid, app.funnel.opportunity.Stage.LIFECYCLE.recordType(),
                OpportunityRow::id, () -> opportunities.count(query()), limit -> opportunities.ids(query(), limit),
                this::refresh, gridActions).forEach(this::add);
        add(grid, footer);
        updateFooter();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // the dashboard's drill-down, e.g. ?stage=CLOSED_LOST&changedFrom=2026-01-01&changedTo=2026-03-31
        // &lostReason=PRICE&owner=12&source=EVENT, or ?open=true&closeFrom=...&closeTo=...&currency=EUR
        var parameters = event.getLocation().getQueryParameters();
        state.restoring(() -> {
            try {
                stage.setValue(parameters.getSingleParameter("stage").map(Stage::valueOf).orElse(null));
                mine.setValue(parameters.getSingleParameter("mine").map("1"::equals).orElse(false));
                Long ownerId = parameters.getSingleParameter("owner").map(Long::valueOf).orElse(null);
                owner.setValue(ownerId == null ? null : users.enabledWithRole(Role.SALES).stream()
                        .filter(u -> u.id() == ownerId).findFirst().orElse(null));
                Long accountId = parameters.getSingleParameter("account").map(Long::valueOf).orElse(null);
                account.setValue(accountId == null ? null : opportunities.account(accountId).orElse(null));
                closeFrom.setValue(parameters.getSingleParameter("closeFrom").map(LocalDate::parse).orElse(null));
                closeTo.setValue(parameters.getSingleParameter("closeTo").map(LocalDate::parse).orElse(null));
                amountMin.setValue(parameters.getSingleParameter("amountMin").map(java.math.BigDecimal::new).orElse(null));
                amountMax.setValue(parameters.getSingleParameter("amountMax").map(java.math.BigDecimal::new).orElse(null));
                drilled = new OpportunityQuery(null, null, null, null, null, null, null,
                        parameters.getSingleParameter("open").map(Boolean::parseBoolean).orElse(false),
                        parameters.getSingleParameter("changedFrom").map(LocalDate::parse).orElse(null),
                        parameters.getSingleParameter("changedTo").map(LocalDate::parse).orElse(null),
                        parameters.getSingleParameter("lostReason").map(LostReason::valueOf).orElse(null),
                        parameters.getSingleParameter("currency").filter(c -> c.matches("[A-Z]{3}")).orElse(null),
                        parameters.getSingleParameter("source").map(app.funnel.lead.LeadSource::valueOf).orElse(null),
                        parameters.getSingleParameter("createdFrom").map(LocalDate::parse).orElse(null),
                        parameters.getSingleParameter("createdTo").map(LocalDate::parse).orElse(null));
            } catch (RuntimeException badLink) {
                Messages.error(getTranslation("opportunities.bad-link"));
                drilled = OpportunityQuery.all();
            }
        });
        state.restore(parameters);
        state.settled(filters());
        drillDown.setVisible(false);
        if (drilled.drilled()) {
            List<String> parts = new java.util.ArrayList<>();
            if (drilled.openOnly()) {
                parts.add(getTranslation("opportunities.drill.open"));
            }
            if (drilled.changedFrom() != null || drilled.changedTo() != null) {
                parts.add(getTranslation("opportunities.drill.changed",
                        drilled.changedFrom() == null ? "…" : drilled.changedFrom().toString(),
                        drilled.changedTo() == null ? "…" : drilled.changedTo().toString()));
            }
            if (drilled.createdFrom() != null || drilled.createdTo() != null) {
                parts.add(getTranslation("opportunities.drill.created",
                        drilled.createdFrom() == null ? "…" : drilled.createdFrom().toString(),
                        drilled.createdTo() == null ? "…" : drilled.createdTo().toString()));
            }
            if (drilled.lostReason() != null) {
                parts.add(getTranslation("lost." + drilled.lostReason().name()));
            }
            if (drilled.currency() != null) {
                parts.add(drilled.currency());
            }
            if (drilled.source() != null) {
                parts.add(getTranslation("source." + drilled.source().name()));
            }
            drillDown.setText(String.join(" · ", parts) + " ✕");
            drillDown.setTitle(getTranslation("opportunities.drill.clear"));
            drillDown.setVisible(true);
        }
        refresh();
    }

    private void open(long id) {
        OpportunityDetails deal;
        try {
            deal = opportunities.get(id);
        } catch (InvalidInputException missing) {
            Messages.error(getTranslation(missing.messageKey(), missing.arguments()));
            return;
        }
        OpportunityDialog dialog = new OpportunityDialog(opportunities, definitions, leads, users, work, deal, this::refresh);
        state.follow(dialog, id);
        dialog.open();
    }

    private Component stageCell(OpportunityRow row) {
        Div cell = new Div();
        cell.addClassName("funnel-badges");
        Badge badge = Badges.of(getTranslation("stage." + row.stage().name()));
        if (row.stage() == Stage.CLOSED_WON) {
            badge.addClassName("on");
        } else if (row.stage() == Stage.CLOSED_LOST) {
            badge.addClassName("off");
        }
        cell.add(badge);
        if (row.stage().isOpen() && row.expectedClose().isBefore(LocalDate.now(clock))) {
            Badge overdue = Badges.of(getTranslation("board.overdue"), Badges.Tone.BAD);
            cell.add(overdue);
        }
        return cell;
    }

    private OpportunityQuery query() {
        Long ownerId = null;
        if (mine.getValue()) {
            ownerId = users.byUsername(CurrentUser.require().username()).map(UserSummary::id).orElse(-1L);
        } else if (owner.getValue() != null) {
            ownerId = owner.getValue().id();
        }
        return new OpportunityQuery(stage.getValue(), ownerId, account.getValue() == null ? null : account.getValue().id(),
                closeFrom.getValue(), closeTo.getValue(),
                amountMin.getValue(), amountMax.getValue(), drilled.openOnly(), drilled.changedFrom(),
                drilled.changedTo(), drilled.lostReason(), drilled.currency(), drilled.source(), drilled.createdFrom(),
                drilled.createdTo());
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        empty.show(!filters().isEmpty());
        updateFooter();
    }

    /** A filter, the sort or the columns changed: reload and remember it in the URL. */
    private void changed() {
        if (state.isRestoring()) {
            return;
        }
        refresh();
        remember();
    }

    private void remember() {
        state.write(filters());
    }

    /** The filters as URL parameters, the dashboard's drill-down included (the sort and columns are added by {@link #state}). */
    private java.util.Map<String, String> filters() {
        java.util.Map<String, String> filters = new java.util.LinkedHashMap<>();
        put(filters, "stage", stage.getValue() == null ? null : stage.getValue().name());
        put(filters, "mine", mine.getValue() ? "1" : null);
        put(filters, "owner", owner.getValue() == null ? null : String.valueOf(owner.getValue().id()));
        put(filters, "account", account.getValue() == null ? null : String.valueOf(account.getValue().id()));
        put(filters, "closeFrom", closeFrom.getValue());
        put(filters, "closeTo", closeTo.getValue());
        put(filters, "amountMin", amountMin.getValue() == null ? null : amountMin.getValue().toPlainString());
        put(filters, "amountMax", amountMax.getValue() == null ? null : amountMax.getValue().toPlainString());
        put(filters, "open", drilled.openOnly() ? "true" : null);
        put(filters, "changedFrom", drilled.changedFrom());
        put(filters, "changedTo", drilled.changedTo());
        put(filters, "lostReason", drilled.lostReason() == null ? null : drilled.lostReason().name());
        put(filters, "currency", drilled.currency());
        put(filters, "source", drilled.source() == null ? null : drilled.source().name());
        put(filters, "createdFrom", drilled.createdFrom());
        put(filters, "createdTo", drilled.createdTo());
        return filters;
    }

    private static void put(java.util.Map<String, String> filters, String key, @org.jspecify.annotations.Nullable Object value) {
        if (value != null) {
            filters.put(key, value.toString());
        }
    }

    private void updateFooter() {
        var totals = opportunities.totals(query());
        long count = totals.stream().mapToLong(t -> t.count()).sum();
        footer.setText(getTranslation("opportunities.footer", count, Money.totals(totals, false),
                Money.totals(totals, true)));
    }
}
