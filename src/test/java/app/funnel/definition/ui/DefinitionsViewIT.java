package app.funnel.definition.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.FunnelAppTest;
import app.funnel.definition.DefinitionService;
import app.funnel.definition.Term;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@FunnelAppTest
class DefinitionsViewIT extends SpringBrowserlessTest {

    @Autowired
    DefinitionService definitions;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void discardDrafts() {
        jdbc.update("DELETE FROM definition_draft");
    }

    @Test
    @WithUserDetails("sales")
    void sales_reads_every_term_but_sees_no_edit_or_publish() {
        open(Term.QUOTE);
        assertThat(find(H2.class).withId("definition-title").single().getText()).isEqualTo("Quote");
        assertThat(find(Div.class).withId("definition-panel").single().getElement().getTextRecursively())
                .contains("Need", "Ability to pay", "Authority", "Conditions agreed", "Default probability");
        assertThat(find(Button.class).withId("edit-draft").exists()).isFalse();
        assertThat(find(Button.class).withId("publish-drafts").exists()).isFalse();
    }

    @Test
    @WithUserDetails("marketing")
    void marketing_reads_but_sees_no_edit_or_publish() {
        open(Term.MQL);
        assertThat(find(Div.class).withId("definition-panel").single().getElement().getTextRecursively())
                .contains("Engaged with marketing");
        assertThat(find(Button.class).withId("edit-draft").exists()).isFalse();
        assertThat(find(Button.class).withId("publish-drafts").exists()).isFalse();
    }

    @Test
    @WithUserDetails("leadership")
    void leadership_edits_a_draft_and_sees_it_waiting_to_be_published() {
        open(Term.MQL);
        test(find(Button.class).withId("edit-draft").single()).click();
        test(find(TextArea.class).withId("draft-body").single()).setValue("Engaged with marketing twice.");
        test(find(Button.class).withId("save-draft").single()).click();

        assertThat(definitions.draftTerms()).contains(Term.MQL);
        assertThat(find(Button.class).withId("publish-drafts").single().getText()).isEqualTo("Publish drafts (1)");
    }

    @Test
    @WithUserDetails("leadership")
    void a_criterion_without_a_name_is_refused_on_that_row_and_nothing_is_saved() {
        open(Term.SQL);
        test(find(Button.class).withId("edit-draft").single()).click();
        test(find(Button.class).withId("add-criterion").single()).click();
        test(find(Button.class).withId("save-draft").single()).click();

        TextField unnamed = find(TextField.class).withClassName("criterion-name").last();
        assertThat(unnamed.isInvalid()).isTrue();
        assertThat(unnamed.getErrorMessage()).isEqualTo("Criterion 3 has no name; name it or remove it.");
        assertThat(definitions.draftTerms()).doesNotContain(Term.SQL);
    }

    @Test
    @WithUserDetails("admin")
    void a_probability_outside_0_to_99_is_refused_on_the_field() {
        open(Term.PROPOSAL);
        test(find(Button.class).withId("edit-draft").single()).click();
        find(IntegerField.class).withId("draft-probability").single().setValue(120);
        test(find(Button.class).withId("save-draft").single()).click();

        IntegerField probability = find(IntegerField.class).withId("draft-probability").single();
        assertThat(probability.isInvalid()).isTrue();
        assertThat(probability.getErrorMessage()).isEqualTo("Enter a probability from 0 to 99.");
        assertThat(definitions.draftTerms()).doesNotContain(Term.PROPOSAL);
    }

    private void open(Term term) {
        UI.getCurrent().navigate("definitions", QueryParameters.of("term", term.name()));
        assertThat(getCurrentView()).isInstanceOf(DefinitionsView.class);
    }
}
