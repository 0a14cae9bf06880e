package app.funnel.lead.ui;

import com.vaadin.flow.component.badge.Badge;
import app.funnel.base.ui.Badges;
import app.funnel.base.ui.Fields;
import app.funnel.base.ui.Messages;
import app.funnel.base.ui.Toolbar;
import app.funnel.definition.DefinitionService;
import app.funnel.lead.LeadDetails;
import app.funnel.lead.LeadQuery;
import app.funnel.lead.LeadRow;
import app.funnel.lead.LeadService;
import app.funnel.statistics.FunnelStep;
import app.funnel.lead.LeadSource;
import app.funnel.lead.LeadStatus;
import app.funnel.security.CurrentUser;
import app.funnel.security.Role;
import app.funnel.security.Roles;
import app.funnel.user.UserService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import org.jspecify.annotations.Nullable;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lead grid: a tab per status with counts, filters for owner, source, creation date and text,
 * sorting, loaded page by page from the database. SQLs past their first-touch deadline are marked.
 */
@Route("leads")
@Menu(order = 20, title = "menu.leads", icon = "vaadin:user-card")
@RolesAllowed({Roles.MARKETING, Roles.SALES, Roles.LEADERSHIP, Roles.ADMIN})
final class LeadsView extends Main implements com.vaadin.flow.router.BeforeEnterObserver, HasDynamicTitle {

    /** What the grid says when no lead is shown. */
    private final app.funnel.base.ui.EmptyState empty;


    /** The browser tab in the user's language. */
    @Override
    public String getPageTitle() {
        return getTranslation("menu.leads") + " · " + getTranslation("app.name");
    }

    private final LeadService leads;
    private final app.funnel.lead.LeadExport export;
    private final DefinitionService definitions;
    private final UserService users;
    private final List<LeadExtension> extensions;
    private final Clock clock;
    private final Map<Long, String> owners;
    private final Grid<LeadRow> grid = new Grid<>();
    private final Tabs tabs = new Tabs();
    private final Map<Tab, LeadStatus> tabStatus = new LinkedHashMap<>();
    private final Map<LeadStatus, Tab> statusTab = new EnumMap<>(LeadStatus.class);
    private final Tab allTab = new Tab();
    private final Checkbox mine = new Checkbox();
    private final ComboBox<LeadSource> source = new ComboBox<>();
    private final DatePicker from = Fields.date(null);
    private final DatePicker to = Fields.date(null);
    private final TextField text = new TextField();
    /** The dashboard's drill-down: leads that reached a funnel step, of one owner (from the URL). */
    private @Nullable FunnelStep reached;
    private @Nullable Long ownerFilter;
    private final Span drillDown = new Span();
    /** The tab, filters, sort and columns in the URL. */
    private final app.funnel.base.ui.GridState<LeadRow> state = new app.funnel.base.ui.GridState<>(grid, "leads");

    private final app.funnel.activity.ui.RecordWorkPanels work;
    /** Of the SQLs shown, those with an open next step. */
    private final java.util.Set<Long> withNextStep = new java.util.HashSet<>();

    LeadsView(LeadService leads, app.funnel.lead.LeadExport export, DefinitionService definitions, UserService users, List<LeadExtension> extensions,
              app.funnel.activity.ui.RecordWorkPanels work, app.funnel.base.ui.LiveUpdates live, Clock clock,
              List<app.funnel.base.ui.GridActions> gridActions, app.funnel.savedview.SavedViewService savedViews) {
        this.work = work;
        // a colleague's change to any lead: the tabs' counts and the page shown follow (coalesced)
        String myName = CurrentUser.get().map(CurrentUser::username).orElse("");
        live.subscribe(this, change -> change.recordType().equals(app.funnel.lead.LeadStatus.LIFECYCLE.recordType())
                && !myName.equals(change.by()), change -> refresh());
        this.leads = leads;
        this.export = export;
        this.definitions = definitions;
        this.users = users;
        this.extensions = extensions;
        this.clock = clock;
        this.owners = users.displayNames();
        addClassName("funnel-view");
        CurrentUser me = CurrentUser.require();

        allTab.setId("tab-ALL");
        tabs.add(allTab);
        for (LeadStatus status : LeadStatus.values()) {
            Tab tab = new Tab();
            tab.setId("tab-" + status.name());
            tabStatus.put(tab, status);
            statusTab.put(status, tab);
            tabs.add(tab);
        }
        tabs.addSelectedChangeListener(e -> changed());

        mine.setLabel(getTranslation(me.has(Role.SALES) ? "leads.mine-sales" : "leads.mine"));
        mine.setId("filter-mine");
        mine.addValueChangeListener(e -> changed());
        source.setPlaceholder(getTranslation("leads.any-source"));
        source.setItems(LeadSource.values());
        source.setItemLabelGenerator(s -> getTranslation("source." + s.name()));
        source.setClearButtonVisible(true);
        source.setId("filter-source");
        source.addValueChangeListener(e -> changed());
        from.setPlaceholder(getTranslation("leads.created-from"));
        from.setClearButtonVisible(true);
        from.addValueChangeListener(e -> changed());
        to.setPlaceholder(getTranslation("leads.created-to"));
        to.setClearButtonVisible(true);
        to.addValueChangeListener(e -> changed());
        text.setPlaceholder(getTranslation("leads.search"));
        text.setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setMaxLength(100);
        text.setId("filter-text");
        text.addValueChangeListener(e -> changed());

        drillDown.setId("filter-reached");
        drillDown.addClassName("funnel-badge");
        drillDown.setVisible(false);
        drillDown.getElement().addEventListener("click", e -> {
            reached = null;
            ownerFilter = null;
            drillDown.setVisible(false);
            changed();
        });
        Toolbar toolbar = new Toolbar(text, source, from, to, mine, drillDown);
        toolbar.end(new app.funnel.base.ui.CsvDownload("leads.csv", (delimiter, words, out) ->
                export.export(query(), delimiter, words, out)));
        if (me.has(Role.MARKETING)) {
            Button create = new Button(getTranslation("leads.new"), new Icon(VaadinIcon.PLUS),
                    e -> new LeadDialog(leads, definitions, users, extensions, work, null, this::refresh).open());
            create.addThemeVariants(ButtonVariant.PRIMARY);
            create.setId("new-lead");
            create.addClickShortcut(com.vaadin.flow.component.Key.KEY_N, com.vaadin.flow.component.KeyModifier.ALT);
            create.setTooltipText(getTranslation("shortcut.new-lead"));
            toolbar.end(create);
        }

        grid.setId("leads-grid");
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.addColumn(r -> r.firstName() + " " + r.lastName()).setHeader(getTranslation("leads.col.name"))
                .setKey("name").setSortProperty("lastName").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(LeadRow::company).setHeader(getTranslation("leads.col.company")).setKey("company").setSortProperty("company")
                .setAutoWidth(true);
        grid.addColumn(LeadRow::email).setHeader(getTranslation("leads.col.email")).setKey("email").setAutoWidth(true);
        // badges are measured before they render: a width that holds a status and a flag side by side
        grid.addComponentColumn(this::statusCell).setHeader(getTranslation("leads.col.status"))
                .setKey("status").setSortProperty("status").setWidth("14rem").setFlexGrow(0);
        grid.addColumn(r -> getTranslation("source." + r.source().name())).setHeader(getTranslation("leads.col.source"))
                .setKey("source").setAutoWidth(true);
        grid.addColumn(r -> owners.getOrDefault(r.ownerId(), "?")).setHeader(getTranslation("leads.col.owner"))
                .setKey("owner").setAutoWidth(true);
        grid.addColumn(r -> Messages.dateTime(r.createdAt())).setHeader(getTranslation("leads.col.created"))
                .setKey("created").setSortProperty("createdAt").setAutoWidth(true);
        grid.setItemsPageable(pageable -> {
            List<LeadRow> rows = leads.search(query(), pageable);
            // SQLs without an open next step are marked, as on My work
            List<Long> sqls = rows.stream().filter(r -> r.status() == app.funnel.lead.LeadStatus.SQL).map(LeadRow::id).toList();
            withNextStep.removeAll(sqls);
            withNextStep.addAll(work.withOpenFollowUp(app.funnel.lead.LeadStatus.LIFECYCLE.recordType(), sqls));
            return rows;
        }, pageable -> leads.count(query())).setIdentifierProvider(LeadRow::id);
        grid.addItemClickListener(e -> open(e.getItem().id()));
        empty = new app.funnel.base.ui.EmptyState(grid, "leads", getTranslation("leads.empty-filtered"),
                getTranslation(me.has(Role.MARKETING) ? "leads.empty-none-marketing" : "leads.empty-none"),
                () -> getUI().ifPresent(ui -> ui.navigate("leads",
                        com.vaadin.flow.router.QueryParameters.fromString(state.queryString(Map.of())))));
        grid.addSortListener(e -> remember());
        grid.setSizeFull();
        toolbar.end(state.columnChooser(this::remember));
        toolbar.end(new app.funnel.savedview.ui.SavedViewsMenu(savedViews, "leads", () -> state.queryString(filters())));

        add(toolbar, tabs);
        app.funnel.base.ui.GridActions.attach(grid, app.funnel.lead.LeadStatus.LIFECYCLE.recordType(), LeadRow::id,
                () -> leads.count(query()), limit -> leads.ids(query(), limit), this::refresh, gridActions)
                .forEach(this::add);
        add(grid);
        updateCounts();
    }

    /** The grid's state from the URL; a lead opened from the grid shows as {@code leads/123}, which is its page ({@link LeadPage}). */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        // ?status=SQL&text=ana&from=2026-01-01&to=2026-03-31&source=EVENT&mine=1&owner=12&reached=SQL&sort=createdAt,desc&hide=email
        // (the dashboard's drill-down, a bookmark, a saved view, the back button)
        var parameters = event.getLocation().getQueryParameters();
        state.restoring(() -> {
            try {
                LeadStatus status = parameters.getSingleParameter("status").map(LeadStatus::valueOf).orElse(null);
                tabs.setSelectedTab(status == null ? allTab : statusTab.get(status));
                text.setValue(parameters.getSingleParameter("text").orElse(""));
                from.setValue(parameters.getSingleParameter("from").map(java.time.LocalDate::parse).orElse(null));
                to.setValue(parameters.getSingleParameter("to").map(java.time.LocalDate::parse).orElse(null));
                source.setValue(parameters.getSingleParameter("source").map(LeadSource::valueOf).orElse(null));
                mine.setValue(parameters.getSingleParameter("mine").map("1"::equals).orElse(false));
                ownerFilter = parameters.getSingleParameter("owner").map(Long::valueOf).orElse(null);
                reached = parameters.getSingleParameter("reached").map(FunnelStep::valueOf).orElse(null);
            } catch (RuntimeException badLink) {
                Messages.error(getTranslation("leads.bad-link"));
            }
        });
        state.restore(parameters);
        state.settled(filters());
        showDrillDown();
        refresh();
    }

    /** The dashboard's drill-down (a funnel step reached, an owner) as a badge that clears it. */
    private void showDrillDown() {
        if (reached == null && ownerFilter == null) {
            drillDown.setVisible(false);
            return;
        }
        String text = reached == null ? "" : getTranslation("leads.reached", getTranslation("step." + reached.name()));
        if (ownerFilter != null) {
            text += (text.isEmpty() ? "" : " · ") + owners.getOrDefault(ownerFilter, "?");
        }
        drillDown.setText(text + " ✕");
        drillDown.setTitle(getTranslation("leads.reached-clear"));
        drillDown.setVisible(true);
    }

    /** The state of the screen as URL parameters (the sort and columns are added by {@link #state}). */
    private Map<String, String> filters() {
        Map<String, String> filters = new LinkedHashMap<>();
        LeadStatus status = tabStatus.get(tabs.getSelectedTab());
        if (status != null) {
            filters.put("status", status.name());
        }
        if (!text.getValue().isBlank()) {
            filters.put("text", text.getValue().strip());
        }
        if (source.getValue() != null) {
            filters.put("source", source.getValue().name());
        }
        if (from.getValue() != null) {
            filters.put("from", from.getValue().toString());
        }
        if (to.getValue() != null) {
            filters.put("to", to.getValue().toString());
        }
        if (mine.getValue()) {
            filters.put("mine", "1");
        }
        if (ownerFilter != null) {
            filters.put("owner", ownerFilter.toString());
        }
        if (reached != null) {
            filters.put("reached", reached.name());
        }
        return filters;
    }

    /** A filter, the tab, the sort or the columns changed: reload and remember it in the URL. */
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

    private void open(long id) {
        LeadDetails lead;
        try {
            lead = leads.get(id);
        } catch (app.funnel.base.InvalidInputException missing) {
            Messages.error(getTranslation(missing.messageKey(), missing.arguments()));
            return;
        }
        LeadDialog dialog = new LeadDialog(leads, definitions, users, extensions, work, lead, this::refresh);
        state.follow(dialog, id);
        dialog.open();
    }

    private Component statusCell(LeadRow row) {
        Div cell = new Div();
        cell.addClassName("funnel-badges");
        Badge status = Badges.of(getTranslation("status." + row.status().name()));
        cell.add(status);
        if (row.overdue(clock.instant())) {
            Badge overdue = Badges.of(getTranslation("leads.overdue"), Badges.Tone.BAD);
            overdue.getElement().setAttribute("title", getTranslation("leads.overdue-since",
                    Messages.dateTime(row.firstTouchDueAt())));
            cell.add(overdue);
        }
        if (row.suspect()) {
            Badge suspect = Badges.of(getTranslation("leads.suspect"), Badges.Tone.WARN);
            cell.add(suspect);
        }
        if (row.status() == app.funnel.lead.LeadStatus.SQL && !withNextStep.contains(row.id())) {
            cell.add(Badges.of(getTranslation("work.no-next-step"), Badges.Tone.WARN));
        }
        return cell;
    }

    private LeadQuery query() {
        LeadStatus status = tabStatus.get(tabs.getSelectedTab());
        Long owner = mine.getValue() ? Long.valueOf(leads.currentUserId()) : ownerFilter;
        return new LeadQuery(status, owner, source.getValue(), from.getValue(), to.getValue(), text.getValue(), reached);
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
        empty.show(!filters().isEmpty());
        updateCounts();
    }

    private void updateCounts() {
        Map<LeadStatus, Long> counts = leads.countsByStatus(query());
        long all = counts.values().stream().mapToLong(Long::longValue).sum();
        allTab.setLabel(getTranslation("leads.tab.all", all));
        for (LeadStatus status : LeadStatus.values()) {
            statusTab.get(status).setLabel(getTranslation("leads.tab", getTranslation("status." + status.name()),
                    counts.get(status)));
        }
    }
}
