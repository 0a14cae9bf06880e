package app.funnel.definition.ui;

import app.funnel.definition.DefinitionService;
import app.funnel.definition.Term;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * The definition of a status or stage, one click away: a small button to put next to wherever a
 * status or stage is shown or chosen. It opens the text, criteria and version in force.
 */
public class TermInfo extends Button {

    public TermInfo(DefinitionService definitions, Term term) {
        super(new Icon(VaadinIcon.QUESTION_CIRCLE_O));
        addThemeVariants(ButtonVariant.TERTIARY);
        String name = TermTexts.name(this, term);
        setAriaLabel(getTranslation("definitions.what-is", name));
        setTooltipText(getTranslation("definitions.what-is", name));
        addClassName("funnel-term-info");
        addClickListener(e -> {
            int version = definitions.currentVersion();
            Dialog dialog = new Dialog();
            dialog.setHeaderTitle(name);
            dialog.setWidth("36rem");
            dialog.add(TermTexts.render(this, definitions.entry(version, term)));
            Anchor page = new Anchor("definitions?term=" + term.name(), getTranslation("definitions.version-link", version));
            dialog.getFooter().add(page, new Button(getTranslation("users.close"), click -> dialog.close()));
            dialog.open();
        });
    }
}
