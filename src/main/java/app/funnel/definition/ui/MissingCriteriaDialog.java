package app.funnel.definition.ui;

import app.funnel.definition.Criterion;
import app.funnel.definition.Verdict;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * What a refused status or stage change shows: the definition it was checked against, quoted, and
 * each unmet criterion with a box to confirm it there. The feature that owns the record does the
 * confirming (with its own access rules) and tries the change again.
 */
public class MissingCriteriaDialog extends Dialog {

    private final Map<String, Checkbox> boxes = new LinkedHashMap<>();

    /**
     * @param verdict         the refusal from {@code DefinitionService.check}
     * @param confirmAndRetry called with the codes the user ticked; confirms them and retries the change
     */
    public MissingCriteriaDialog(Verdict verdict, Consumer<Set<String>> confirmAndRetry) {
        String term = TermTexts.name(this, verdict.term());
        setHeaderTitle(getTranslation("missing.title", term));
        setWidth("36rem");
        setId("missing-criteria");
        add(new Paragraph(getTranslation("missing.intro", term, verdict.version())));
        Div quote = new Div(MarkdownText.render(verdict.body()));
        quote.addClassName("funnel-quote");
        add(quote, new H3(getTranslation("missing.unmet")));
        // stacked by a wrapper: a checkbox whose own display is changed loses the click on its box
        Div list = new Div();
        list.addClassName("funnel-criteria-list");
        add(list);
        for (Criterion criterion : verdict.unmet()) {
            Checkbox box = new Checkbox(criterion.name());
            box.setHelperText(criterion.explanation());
            box.setId("confirm-" + criterion.code());
            boxes.put(criterion.code(), box);
            list.add(box);
        }
        Button confirm = new Button(getTranslation("missing.confirm"), e -> {
            Set<String> codes = boxes.entrySet().stream().filter(b -> b.getValue().getValue())
                    .map(Map.Entry::getKey).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
            close();
            confirmAndRetry.accept(codes);
        });
        confirm.setId("confirm-and-retry");
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        confirm.setEnabled(false);
        boxes.values().forEach(b -> b.addValueChangeListener(e ->
                confirm.setEnabled(boxes.values().stream().anyMatch(Checkbox::getValue))));
        getFooter().add(new Button(getTranslation("users.cancel"), e -> close()), confirm);
    }
}
