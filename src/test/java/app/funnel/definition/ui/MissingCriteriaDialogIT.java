package app.funnel.definition.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.FunnelAppTest;
import app.funnel.definition.DefinitionService;
import app.funnel.definition.Term;
import app.funnel.definition.Verdict;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

@FunnelAppTest
@WithUserDetails("sales")
class MissingCriteriaDialogIT extends SpringBrowserlessTest {

    @Autowired
    DefinitionService definitions;

    @Test
    void a_refusal_lists_what_is_missing_and_hands_the_ticked_criteria_back_to_confirm() {
        Verdict verdict = definitions.check(Term.QUOTE, Set.of("need", "ability"));
        assertThat(verdict.allowed()).isFalse();
        Set<String> confirmed = new HashSet<>();
        new MissingCriteriaDialog(verdict, confirmed::addAll).open();

        assertThat(find(Checkbox.class).all()).extracting(Checkbox::getLabel)
                .contains("Desire", "Authority", "Product agreed").doesNotContain("Need");
        Button retry = find(Button.class).withId("confirm-and-retry").single();
        assertThat(retry.isEnabled()).isFalse();
        test(find(Checkbox.class).withId("confirm-desire").single()).click();
        test(find(Checkbox.class).withId("confirm-authority").single()).click();
        test(retry).click();

        assertThat(confirmed).containsExactlyInAnyOrder("desire", "authority");
    }

    @Test
    void the_definition_of_a_stage_is_one_click_away() {
        TermInfo info = new TermInfo(definitions, Term.QUOTE);
        com.vaadin.flow.component.UI.getCurrent().add(info);
        test(info).click();
        var dialog = find(com.vaadin.flow.component.dialog.Dialog.class).last();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Quote");
        assertThat(dialog.getElement().getTextRecursively()).contains("Need", "Authority", "Default probability");
    }
}
