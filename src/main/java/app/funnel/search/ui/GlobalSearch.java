package app.funnel.search.ui;

import app.funnel.search.SearchHit;
import app.funnel.search.SearchKind;
import app.funnel.search.SearchService;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.QueryParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The search box in the shell: type two letters of a name, an e-mail, a phone in any format, a
 * company or a deal name, and the records found are listed grouped by kind (leads, deals,
 * accounts, contacts). Arrow keys move through them, Enter opens one; Ctrl+K (⌘K) from anywhere
 * puts the cursor in the box. A combo box gives the keyboard and screen-reader behaviour of a
 * list box without code of ours.
 */
public final class GlobalSearch extends ComboBox<GlobalSearch.Option> {

    /** A hit and whether it opens its kind's group (the group's heading is drawn above it). */
    public record Option(SearchHit hit, boolean firstOfKind) {
    }

    public GlobalSearch(SearchService search) {
        setId("global-search");
        addClassName("funnel-search");
        setPlaceholder(getTranslation("search.placeholder"));
        setAriaLabel(getTranslation("search.label"));
        setPrefixComponent(new Icon(VaadinIcon.SEARCH));
        setClearButtonVisible(true);
        setAllowCustomValue(false);
        setTooltipText(getTranslation("search.shortcut"));
        getElement().setAttribute("no-vertical-overlap", true);
        getStyle().set("--vaadin-combo-box-overlay-width", "min(26rem, 96vw)");
        Locale locale = getLocale();
        String region = locale == null || locale.getCountry().isEmpty() ? null : locale.getCountry();
        setItems(query -> {
            int offset = query.getOffset();
            int limit = query.getLimit();
            return offset > 0 ? Stream.empty()
                    : options(search.find(query.getFilter().orElse(""), region, SearchService.PER_KIND)).stream().limit(limit);
        });
        setItemLabelGenerator(option -> option.hit().title());
        setRenderer(LitRenderer.<Option>of("""
                        <div class="funnel-search-hit">
                          ${item.group ? html`<div class="funnel-search-group">${item.group}</div>` : ''}
                          <div class="funnel-search-title">${item.title}
                            ${item.state ? html`<span class="funnel-search-state">${item.state}</span>` : ''}</div>
                          ${item.detail ? html`<div class="funnel-search-detail">${item.detail}</div>` : ''}
                        </div>""")
                .withProperty("group", option -> option.firstOfKind() ? kindName(option.hit().kind()) : "")
                .withProperty("title", option -> option.hit().title())
                .withProperty("state", option -> option.hit().stateKey() == null ? "" : getTranslation(option.hit().stateKey()))
                .withProperty("detail", option -> option.hit().detail() == null ? "" : option.hit().detail()));
        UI ui = UI.getCurrent();
        if (ui != null) {
            Shortcuts.addShortcutListener(this, (com.vaadin.flow.server.Command) this::focus, Key.KEY_K, KeyModifier.CONTROL).listenOn(ui);
            Shortcuts.addShortcutListener(this, (com.vaadin.flow.server.Command) this::focus, Key.KEY_K, KeyModifier.META).listenOn(ui);
        }
        addValueChangeListener(event -> {
            Option chosen = event.getValue();
            if (chosen == null || !event.isFromClient()) {
                return;
            }
            clear();
            String path = chosen.hit().path();
            int query = path.indexOf('?');
            getUI().ifPresent(current -> current.navigate(query < 0 ? path : path.substring(0, query),
                    query < 0 ? QueryParameters.empty() : QueryParameters.fromString(path.substring(query + 1))));
        });
    }

    private String kindName(SearchKind kind) {
        return getTranslation("search.kind." + kind.name());
    }

    static List<Option> options(List<SearchHit> hits) {
        List<Option> options = new ArrayList<>(hits.size());
        SearchKind previous = null;
        for (SearchHit hit : hits) {
            options.add(new Option(hit, hit.kind() != previous));
            previous = hit.kind();
        }
        return options;
    }
}
