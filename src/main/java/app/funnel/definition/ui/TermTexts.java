package app.funnel.definition.ui;

import app.funnel.definition.Criterion;
import app.funnel.definition.DefinitionEntry;
import app.funnel.definition.Term;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/** How one term's entry reads: the definition, examples, criteria, probability or SLA. */
final class TermTexts {

    private TermTexts() {
    }

    static String name(Component owner, Term term) {
        return owner.getTranslation("term." + term.name());
    }

    static Div render(Component owner, DefinitionEntry entry) {
        Div content = new Div();
        content.addClassName("funnel-definition");
        content.add(MarkdownText.render(entry.body()));
        if (!entry.examples().isBlank()) {
            content.add(new H3(owner.getTranslation("definitions.examples")), MarkdownText.render(entry.examples()));
        }
        content.add(new H3(owner.getTranslation("definitions.criteria")));
        if (entry.criteria().isEmpty()) {
            content.add(new Paragraph(owner.getTranslation("definitions.no-criteria")));
        } else {
            OrderedList list = new OrderedList();
            list.addClassName("funnel-criteria");
            for (Criterion c : entry.criteria()) {
                Span name = new Span(c.name());
                name.addClassName("criterion-name");
                Span explanation = new Span(c.explanation());
                explanation.addClassName("funnel-muted");
                list.add(new ListItem(name, new Span(" "), explanation));
            }
            content.add(list);
        }
        if (entry.probability() != null) {
            content.add(new Paragraph(owner.getTranslation("definitions.probability-line", entry.probability())));
        }
        if (entry.slaHours() != null) {
            content.add(new Paragraph(owner.getTranslation("definitions.sla-line", entry.slaHours())));
        }
        return content;
    }
}
