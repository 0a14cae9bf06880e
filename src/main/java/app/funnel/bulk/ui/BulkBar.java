package app.funnel.bulk.ui;

import app.funnel.bulk.BulkAction;
import app.funnel.bulk.BulkService;
import app.funnel.base.ui.GridActions;
import app.funnel.definition.DefinitionService;
import app.funnel.lead.LeadStatus;
import app.funnel.security.CurrentUser;
import app.funnel.user.UserService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.text.NumberFormat;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;


/**
 * The bar above the lead and deal grids once a row is ticked: how many, "select all N matching",
 * and the actions the user's roles may start on that kind of record. Each action opens a
 * {@link BulkDialog} that asks what the action needs and runs it.
 */
@org.springframework.stereotype.Component
class BulkBar implements GridActions {

    private static final String LEADS = LeadStatus.LIFECYCLE.recordType();
    private static final String DEALS = app.funnel.opportunity.Stage.LIFECYCLE.recordType();

    private final BulkService bulk;
    private final UserService users;
    private final DefinitionService definitions;

    BulkBar(BulkService bulk, UserService users, DefinitionService definitions) {
        this.bulk = bulk;
        this.users = users;
        this.definitions = definitions;
    }

    @Override
    public @Nullable Component bar(Selection selection) {
        BulkAction.Kind kind = selection.recordType().equals(LEADS) ? BulkAction.Kind.LEADS
                : selection.recordType().equals(DEALS) ? BulkAction.Kind.DEALS : null;
        CurrentUser me = CurrentUser.get().orElse(null);
        if (kind == null || me == null) {
            return null;
        }
        List<BulkDialog.Choice> choices = BulkDialog.Choice.offered(kind).stream()
                .filter(choice -> choice.roles().stream().anyMatch(me::has)).toList();
        if (choices.isEmpty()) {
            return null;
        }
        return new Bar(kind, choices, selection);
    }

    /** One bar, for one grid in one screen. */
    private final class Bar extends Div {

        private final Span count = new Span();
        private final Button all = new Button();
        private final Selection selection;
        private boolean allMatching;

        Bar(BulkAction.Kind kind, List<BulkDialog.Choice> choices, Selection selection) {
            this.selection = selection;
            setId("bulk-bar");
            addClassName("funnel-bulk-bar");
            getElement().setAttribute("role", "toolbar");
            getElement().setAttribute("aria-label", getTranslation("bulk.bar"));
            count.setId("bulk-count");
            count.addClassName("funnel-bulk-count");
            all.setId("bulk-all");
            all.addThemeVariants(ButtonVariant.TERTIARY);
            all.addClickListener(e -> {
                allMatching = !allMatching;
                show();
            });
            add(count, all);
            for (BulkDialog.Choice choice : choices) {
                Button button = new Button(getTranslation("bulk.action." + choice.name()), e -> open(kind, choice));
                button.setId("bulk-" + choice.name());
                add(button);
            }
            Button clear = new Button(getTranslation("bulk.clear"), e -> selection.changed());
            clear.addThemeVariants(ButtonVariant.TERTIARY);
            clear.setId("bulk-clear");
            add(clear);
            selection.onTicked(() -> {
                if (selection.ticked().isEmpty()) {
                    allMatching = false;
                }
                show();
            });
            show();
        }

        private void show() {
            Set<Long> ticked = selection.ticked();
            setVisible(!ticked.isEmpty() || allMatching);
            if (!isVisible()) {
                return;
            }
            NumberFormat numbers = NumberFormat.getIntegerInstance(getLocale());
            long matching = selection.matching();
            if (allMatching) {
                count.setText(getTranslation("bulk.count.all", numbers.format(Math.min(matching, BulkService.MAX_ROWS))));
                all.setText(getTranslation("bulk.only-ticked", numbers.format(ticked.size())));
            } else {
                count.setText(getTranslation("bulk.count", numbers.format(ticked.size())));
                all.setText(getTranslation("bulk.select-all", numbers.format(Math.min(matching, BulkService.MAX_ROWS))));
            }
            all.setVisible(allMatching || matching > ticked.size());
        }

        private void open(BulkAction.Kind kind, BulkDialog.Choice choice) {
            List<Long> rows = allMatching ? selection.matchingIds(BulkService.MAX_ROWS) : List.copyOf(selection.ticked());
            new BulkDialog(bulk, users, definitions, kind, choice, rows, selection::changed).open();
        }
    }
}
