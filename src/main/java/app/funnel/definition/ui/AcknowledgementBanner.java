package app.funnel.definition.ui;

import app.funnel.definition.DefinitionService;
import app.funnel.definition.PublishedVersion;
import app.funnel.security.CurrentUser;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Map;

/**
 * Shown on every page until the user acknowledges the definitions version in force: names what
 * changed, links to the comparison, and acknowledges in one click.
 */
public class AcknowledgementBanner extends Div {

    private final DefinitionService definitions;
    private Registration listener;

    public AcknowledgementBanner(DefinitionService definitions) {
        this.definitions = definitions;
        setId("ack-banner");
        addClassName("funnel-ack-banner");
        // filled by refresh(), which the layout calls after every navigation, the first one included
        setVisible(false);
    }

    /** Checks again whether the user still has to acknowledge; called on every navigation. */
    public void refresh() {
        removeAll();
        if (CurrentUser.get().isEmpty()) {
            setVisible(false);
            return;
        }
        definitions.pendingAcknowledgement().ifPresentOrElse(this::show, () -> setVisible(false));
    }

    private void show(PublishedVersion version) {
        setVisible(true);
        boolean first = version.number() == 1;
        List<String> names = version.changedTerms().stream().map(t -> TermTexts.name(this, t)).toList();
        String changed = names.size() <= 3 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 3)) + " " + getTranslation("ack.more", names.size() - 3);
        Span text = new Span(first ? getTranslation("ack.banner-first", version.number())
                : getTranslation("ack.banner", version.number(), changed));
        text.addClassName("text");
        // on a phone the navbar has no room for "Read what changed": the button says "Read" there (CSS picks the label)
        Button read = new Button("", e -> {
            if (first) {
                UI.getCurrent().navigate("definitions");
            } else {
                UI.getCurrent().navigate("definitions/compare", QueryParameters.simple(Map.of(
                        "from", String.valueOf(version.number() - 1), "to", String.valueOf(version.number()))));
            }
        });
        String label = getTranslation(first ? "ack.read-first" : "ack.read");
        Span wide = new Span(label);
        wide.addClassName("wide-label");
        Span narrow = new Span(getTranslation("ack.read-first"));
        narrow.addClassName("narrow-label");
        read.getElement().appendChild(wide.getElement(), narrow.getElement());
        read.setAriaLabel(label);
        read.addThemeVariants(ButtonVariant.SMALL);
        read.setId("ack-read");
        Button acknowledge = new Button(getTranslation("ack.acknowledge"), new Icon(VaadinIcon.CHECK), e -> {
            definitions.acknowledge(version.number());
            ComponentUtil.fireEvent(UI.getCurrent(), new AcknowledgedEvent(UI.getCurrent()));
        });
        acknowledge.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.PRIMARY);
        acknowledge.setId("ack-acknowledge");
        Icon icon = new Icon(VaadinIcon.BOOK);
        icon.addClassName("icon");
        add(icon, text, read, acknowledge);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        listener = ComponentUtil.addListener(attachEvent.getUI(), AcknowledgedEvent.class, e -> refresh());
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent detachEvent) {
        if (listener != null) {
            listener.remove();
        }
        super.onDetach(detachEvent);
    }
}
