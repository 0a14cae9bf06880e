package app.funnel.definition.ui;

import com.vaadin.flow.component.badge.Badge;
import app.funnel.base.ui.Badges;
import app.funnel.base.ConcurrentChangeException;
import app.funnel.base.InvalidInputException;
import app.funnel.base.ui.Messages;
import app.funnel.base.ui.Toolbar;
import app.funnel.definition.Criterion;
import app.funnel.definition.DefinitionEntry;
import app.funnel.definition.DefinitionService;
import app.funnel.definition.Draft;
import app.funnel.definition.PublishedVersion;
import app.funnel.definition.Term;
import app.funnel.security.CurrentUser;
import app.funnel.security.Role;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The company's definitions, one entry per term: every role reads them in any version; leadership
 * and administrators edit the shared draft and publish it as the next version.
 */
@Route("definitions")
@Menu(order = 10, title = "menu.definitions", icon = "vaadin:book")
@PermitAll
final class DefinitionsView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    /** The browser tab in the user's language. */
    @Override
    public String getPageTitle() {
        return getTranslation("menu.definitions") + " · " + getTranslation("app.name");
    }

    private final DefinitionService definitions;
    private final boolean editor;
    private final Tabs terms = new Tabs();
    private final Map<Tab, Term> tabTerms = new java.util.LinkedHashMap<>();
    private final Map<Term, Tab> termTabs = new EnumMap<>(Term.class);
    private final ComboBox<PublishedVersion> version = new ComboBox<>();
    private final Div panel = new Div();
    private final Button publish = new Button();
    private Term selected = Term.LEAD;

    DefinitionsView(DefinitionService definitions) {
        this.definitions = definitions;
        CurrentUser user = CurrentUser.require();
        this.editor = user.has(Role.LEADERSHIP) || user.has(Role.ADMIN);
        addClassName("funnel-view");

        version.setId("definition-version");
        version.setItemLabelGenerator(v -> getTranslation("definitions.version-item", v.number(),
                Messages.dateTime(v.publishedAt()), v.publishedBy()));
        version.setWidth("24rem");
        version.setAriaLabel(getTranslation("definitions.version"));
        version.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                show();
            }
        });
        Button compare = new Button(getTranslation("definitions.compare"), new Icon(VaadinIcon.SPLIT),
                e -> openComparison());
        compare.setId("compare-versions");

        Toolbar toolbar = new Toolbar(version, compare);
        if (editor) {
            publish.setId("publish-drafts");
            publish.addThemeVariants(ButtonVariant.PRIMARY);
            publish.addClickListener(e -> openPublish());
            toolbar.end(publish);
        }

        terms.setOrientation(Tabs.Orientation.VERTICAL);
        terms.setId("definition-terms");
        terms.addClassName("funnel-term-tabs");
        for (Term.Group group : Term.Group.values()) {
            Tab heading = new Tab(getTranslation("definitions.group." + group.name()));
            heading.setEnabled(false);
            heading.addClassName("group");
            terms.add(heading);
            for (Term term : Term.inGroup(group)) {
                Tab tab = new Tab(TermTexts.name(this, term));
                tab.setId("term-" + term.name());
                tabTerms.put(tab, term);
                termTabs.put(term, tab);
                terms.add(tab);
            }
        }
        terms.addSelectedChangeListener(e -> {
            Term term = tabTerms.get(e.getSelectedTab());
            if (term != null && e.isFromClient()) {
                selected = term;
                show();
            }
        });

        panel.setId("definition-panel");
        panel.addClassName("funnel-definition-panel");
        HorizontalLayout body = new HorizontalLayout(terms, panel);
        body.setWidthFull();
        body.setFlexGrow(1, panel);
        body.addClassName("funnel-definitions-body");
        add(toolbar, body);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        List<PublishedVersion> versions = definitions.versions();
        version.setItems(versions);
        PublishedVersion wanted = versions.getFirst();
        if (params.containsKey("version")) {
            String number = params.get("version").getFirst();
            wanted = versions.stream().filter(v -> String.valueOf(v.number()).equals(number)).findFirst().orElse(wanted);
        }
        version.setValue(wanted);
        if (params.containsKey("term")) {
            try {
                selected = Term.valueOf(params.get("term").getFirst());
            } catch (IllegalArgumentException unknown) {
                selected = Term.LEAD;
            }
        }
        terms.setSelectedTab(termTabs.get(selected));
        show();
    }

    private void show() {
        PublishedVersion shown = version.getValue();
        DefinitionEntry entry = definitions.entry(shown.number(), selected);
        panel.removeAll();
        H2 title = new H2(TermTexts.name(this, selected));
        title.setId("definition-title");
        Paragraph meta = new Paragraph(getTranslation("definitions.meta", shown.number(),
                Messages.dateTime(shown.publishedAt()), shown.publishedBy(), shown.changeNote()));
        meta.addClassName("funnel-muted");
        panel.add(title, meta);
        if (shown.number() != definitions.currentVersion()) {
            Badge old = Badges.of(getTranslation("definitions.not-in-force"), Badges.Tone.BAD);
            panel.add(old);
        }
        panel.add(TermTexts.render(this, entry));
        if (editor) {
            Draft draft = definitions.draft(selected);
            Button edit = new Button(getTranslation(draft.exists() ? "definitions.edit-draft" : "definitions.start-draft"),
                    new Icon(VaadinIcon.EDIT), e -> edit(definitions.draft(selected)));
            edit.setId("edit-draft");
            panel.add(edit);
            if (draft.exists()) {
                Badge note = Badges.of(getTranslation("definitions.draft-by", draft.updatedBy(),
                        Messages.dateTime(draft.updatedAt())));
                note.setId("draft-note");
                panel.add(note);
            }
            updatePublishButton();
        }
    }

    private void updatePublishButton() {
        int drafts = definitions.draftTerms().size();
        publish.setText(getTranslation("definitions.publish", drafts));
        publish.setEnabled(drafts > 0);
    }

    private void edit(Draft draft) {
        DefinitionEntry entry = draft.entry();
        Term term = entry.term();
        panel.removeAll();
        panel.add(new H2(getTranslation("definitions.editing", TermTexts.name(this, term))));

        TextArea body = new TextArea(getTranslation("definitions.field.body"));
        body.setId("draft-body");
        body.setWidthFull();
        body.setMinHeight("10rem");
        body.setValue(entry.body());
        body.setHelperText(getTranslation("definitions.markdown-help"));
        TextArea examples = new TextArea(getTranslation("definitions.field.examples"));
        examples.setId("draft-examples");
        examples.setWidthFull();
        examples.setValue(entry.examples());
        panel.add(body, examples);

        panel.add(new H3(getTranslation("definitions.criteria")));
        Div criteriaBox = new Div();
        criteriaBox.setId("draft-criteria");
        criteriaBox.addClassName("funnel-criteria-editor");
        List<CriterionRow> rows = new ArrayList<>();
        for (Criterion criterion : entry.criteria()) {
            rows.add(new CriterionRow(criterion, criteriaBox, rows));
        }
        Button add = new Button(getTranslation("definitions.add-criterion"), new Icon(VaadinIcon.PLUS),
                e -> rows.add(new CriterionRow(new Criterion("", "", ""), criteriaBox, rows)));
        add.setId("add-criterion");
        add.addThemeVariants(ButtonVariant.TERTIARY);
        panel.add(criteriaBox, add);

        IntegerField probability = new IntegerField(getTranslation("definitions.field.probability"));
        probability.setId("draft-probability");
        probability.setSuffixComponent(new Span("%"));
        IntegerField sla = new IntegerField(getTranslation("definitions.field.sla"));
        sla.setId("draft-sla");
        if (term.isOpenStage()) {
            probability.setMin(0);
            probability.setMax(99);
            probability.setValue(entry.probability());
            probability.setHelperText(getTranslation("definitions.probability-help"));
            panel.add(probability);
        }
        if (term.hasSla()) {
            sla.setMin(0);
            sla.setValue(entry.slaHours());
            sla.setHelperText(getTranslation("definitions.sla-help"));
            panel.add(sla);
        }

        Button save = new Button(getTranslation("definitions.save-draft"), e -> {
            List<HasValidation> fields = List.of(body, examples, probability, sla);
            fields.forEach(f -> f.setInvalid(false));
            rows.forEach(CriterionRow::clearError);
            try {
                Draft saved = definitions.saveDraft(new DefinitionEntry(term, body.getValue(), examples.getValue(),
                        rows.stream().map(CriterionRow::value).toList(),
                        term.isOpenStage() ? probability.getValue() : null,
                        term.hasSla() ? sla.getValue() : null), draft.rowVersion());
                Messages.success(getTranslation("definitions.draft-saved", TermTexts.name(this, term)));
                edit(saved);
                updatePublishButton();
            } catch (InvalidInputException problem) {
                if (problem.field().equals("criteria") && problem.arguments().length > 0
                        && problem.arguments()[0] instanceof Integer position && position <= rows.size()) {
                    rows.get(position - 1).showError(getTranslation(problem.messageKey(), problem.arguments()));
                } else {
                    Messages.show(this, problem, null, Map.of("body", body, "examples", examples,
                            "probability", probability, "slaHours", sla));
                }
            } catch (ConcurrentChangeException conflict) {
                Messages.show(this, conflict);
            }
        });
        save.setId("save-draft");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button discard = new Button(getTranslation("definitions.discard-draft"), e -> {
            definitions.discardDraft(term);
            show();
        });
        discard.setId("discard-draft");
        discard.setVisible(draft.exists());
        discard.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
        Button cancel = new Button(getTranslation("users.cancel"), e -> show());
        panel.add(new HorizontalLayout(save, cancel, discard));
        body.focus();
    }

    private void openPublish() {
        List<Term> drafted = definitions.draftTerms();
        Dialog dialog = new Dialog(getTranslation("definitions.publish-title", definitions.currentVersion() + 1));
        dialog.setWidth("32rem");
        dialog.add(new Paragraph(getTranslation("definitions.publish-terms",
                String.join(", ", drafted.stream().map(t -> TermTexts.name(this, t)).toList()))));
        TextArea note = new TextArea(getTranslation("definitions.field.note"));
        note.setId("change-note");
        note.setWidthFull();
        note.setMaxLength(1000);
        note.setHelperText(getTranslation("definitions.note-help"));
        dialog.add(note);
        Button confirm = new Button(getTranslation("definitions.publish-now"), e -> {
            try {
                PublishedVersion published = definitions.publish(note.getValue());
                dialog.close();
                Messages.success(getTranslation("definitions.published", published.number()));
                UI.getCurrent().navigate("definitions", QueryParameters.simple(Map.of("term", selected.name())));
            } catch (InvalidInputException problem) {
                Messages.show(this, problem, null, Map.of("changeNote", note));
            } catch (ConcurrentChangeException conflict) {
                Messages.show(this, conflict);
            }
        });
        confirm.setId("publish-now");
        confirm.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("users.cancel"), e -> dialog.close()), confirm);
        dialog.open();
        note.focus();
    }

    private void openComparison() {
        int to = version.getValue().number();
        int from = Math.max(1, to - 1);
        UI.getCurrent().navigate("definitions/compare",
                QueryParameters.simple(Map.of("from", String.valueOf(from), "to", String.valueOf(to))));
    }

    /** One editable criterion in the draft form. */
    private final class CriterionRow {
        private final String code;
        private final TextField name = new TextField();
        private final TextField explanation = new TextField();
        private final HorizontalLayout row;

        CriterionRow(Criterion criterion, Div box, List<CriterionRow> rows) {
            this.code = criterion.code();
            name.setPlaceholder(getTranslation("definitions.field.criterion-name"));
            name.setAriaLabel(getTranslation("definitions.field.criterion-name"));
            name.setValue(criterion.name());
            name.setMaxLength(120);
            name.setWidth("16rem");
            name.addClassName("criterion-name");
            explanation.setPlaceholder(getTranslation("definitions.field.criterion-explanation"));
            explanation.setAriaLabel(getTranslation("definitions.field.criterion-explanation"));
            explanation.setValue(criterion.explanation());
            explanation.setMaxLength(300);
            explanation.addClassName("criterion-explanation");
            Button remove = new Button(new Icon(VaadinIcon.TRASH), e -> remove(box, rows));
            remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            remove.setAriaLabel(getTranslation("definitions.remove-criterion"));
            row = new HorizontalLayout(name, explanation, remove);
            row.setWidthFull();
            row.setFlexGrow(1, explanation);
            box.add(row);
        }

        private void remove(Div box, List<CriterionRow> rows) {
            rows.remove(this);
            box.remove(row);
        }

        Criterion value() {
            return new Criterion(code, name.getValue(), explanation.getValue());
        }

        void showError(String message) {
            name.setErrorMessage(message);
            name.setInvalid(true);
        }

        void clearError() {
            name.setInvalid(false);
        }
    }

}
