package app.funnel.definition.ui;

import com.vaadin.flow.component.badge.Badge;
import app.funnel.base.ui.Badges;
import app.funnel.base.ui.Messages;
import app.funnel.base.ui.Toolbar;
import app.funnel.definition.Criterion;
import app.funnel.definition.DefinitionEntry;
import app.funnel.definition.DefinitionService;
import app.funnel.definition.PublishedVersion;
import app.funnel.definition.TermComparison;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Any two versions of the definitions side by side, term by term, with the changes marked. */
@Route("definitions/compare")
@PermitAll
final class CompareView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return getTranslation("definitions.compare");
    }

    private final DefinitionService definitions;
    private final ComboBox<PublishedVersion> from = new ComboBox<>();
    private final ComboBox<PublishedVersion> to = new ComboBox<>();
    private final Div result = new Div();
    private final Div acknowledge = new Div();

    CompareView(DefinitionService definitions) {
        this.definitions = definitions;
        addClassName("funnel-view");
        for (ComboBox<PublishedVersion> box : List.of(from, to)) {
            box.setItemLabelGenerator(v -> getTranslation("definitions.version-item", v.number(),
                    Messages.dateTime(v.publishedAt()), v.publishedBy()));
            box.setWidth("22rem");
            box.addValueChangeListener(e -> {
                if (e.isFromClient() && from.getValue() != null && to.getValue() != null) {
                    UI.getCurrent().navigate("definitions/compare", QueryParameters.simple(Map.of(
                            "from", String.valueOf(from.getValue().number()),
                            "to", String.valueOf(to.getValue().number()))));
                }
            });
        }
        from.setLabel(getTranslation("compare.from"));
        from.setId("compare-from");
        to.setLabel(getTranslation("compare.to"));
        to.setId("compare-to");
        Toolbar toolbar = new Toolbar(from, to);
        acknowledge.setId("compare-acknowledge");
        result.setId("comparison");
        result.addClassName("funnel-comparison");
        add(toolbar, acknowledge, result);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<PublishedVersion> versions = definitions.versions();
        from.setItems(versions);
        to.setItems(versions);
        int current = versions.getFirst().number();
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        int a = number(params, "from", Math.max(1, current - 1));
        int b = number(params, "to", current);
        from.setValue(versions.stream().filter(v -> v.number() == a).findFirst().orElse(versions.getLast()));
        to.setValue(versions.stream().filter(v -> v.number() == b).findFirst().orElse(versions.getFirst()));
        showAcknowledge();
        showComparison();
    }

    private void showAcknowledge() {
        acknowledge.removeAll();
        definitions.pendingAcknowledgement().ifPresent(pending -> {
            acknowledge.addClassName("funnel-ack-banner");
            Span text = new Span(getTranslation("compare.ack-text", pending.number()));
            Button ack = new Button(getTranslation("ack.acknowledge"), new Icon(VaadinIcon.CHECK), e -> {
                definitions.acknowledge(pending.number());
                ComponentUtil.fireEvent(UI.getCurrent(), new AcknowledgedEvent(UI.getCurrent()));
                Messages.success(getTranslation("ack.done", pending.number()));
                showAcknowledge();
            });
            ack.setId("compare-ack-button");
            ack.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SMALL);
            acknowledge.add(new Icon(VaadinIcon.BOOK), text, ack);
        });
        acknowledge.setVisible(acknowledge.getComponentCount() > 0);
    }

    private void showComparison() {
        result.removeAll();
        PublishedVersion a = from.getValue();
        PublishedVersion b = to.getValue();
        Paragraph note = new Paragraph(getTranslation("compare.note", b.number(), b.publishedBy(), b.changeNote()));
        note.addClassName("funnel-muted");
        result.add(note);
        List<TermComparison> terms = definitions.compare(a.number(), b.number());
        for (TermComparison term : terms.stream().sorted((x, y) -> Boolean.compare(y.changed(), x.changed())).toList()) {
            Badge badge = Badges.of(getTranslation(term.changed() ? "compare.changed" : "compare.unchanged"), term.changed() ? Badges.Tone.BAD : Badges.Tone.GOOD);
            Div summary = new Div(new Span(TermTexts.name(this, term.term())), new Span(" "), badge);
            Details details = new Details(summary, content(term));
            details.setOpened(term.changed());
            details.setId("compare-" + term.term().name());
            details.addClassName(term.changed() ? "changed" : "unchanged");
            result.add(details);
        }
    }

    private Div content(TermComparison term) {
        DefinitionEntry a = term.from();
        DefinitionEntry b = term.to();
        Div content = new Div();
        content.add(new H3(getTranslation("definitions.field.body")), TextDiff.sideBySide(a.body(), b.body()));
        if (!a.examples().equals(b.examples())) {
            content.add(new H3(getTranslation("definitions.field.examples")),
                    TextDiff.sideBySide(a.examples(), b.examples()));
        }
        content.add(new H3(getTranslation("definitions.criteria")),
                TextDiff.sideBySide(criteria(a.criteria()), criteria(b.criteria())));
        if (!Objects.equals(a.probability(), b.probability()) || !Objects.equals(a.slaHours(), b.slaHours())) {
            content.add(TextDiff.sideBySide(numbers(a), numbers(b)));
        }
        return content;
    }

    private static String criteria(List<Criterion> criteria) {
        return criteria.stream().map(c -> c.name() + " — " + c.explanation()).collect(Collectors.joining("\n"));
    }

    private String numbers(DefinitionEntry entry) {
        StringBuilder text = new StringBuilder();
        if (entry.probability() != null) {
            text.append(getTranslation("definitions.probability-line", entry.probability()));
        }
        if (entry.slaHours() != null) {
            text.append(getTranslation("definitions.sla-line", entry.slaHours()));
        }
        return text.toString();
    }

    private static int number(Map<String, List<String>> params, String name, int fallback) {
        try {
            return params.containsKey(name) ? Integer.parseInt(params.get(name).getFirst()) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
