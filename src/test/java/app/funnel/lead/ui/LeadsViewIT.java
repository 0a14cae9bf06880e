package app.funnel.lead.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.FunnelAppTest;
import app.funnel.definition.DefinitionService;
import app.funnel.definition.Term;
import app.funnel.lead.LeadInput;
import app.funnel.lead.LeadRow;
import app.funnel.lead.LeadService;
import app.funnel.lead.LeadSource;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@FunnelAppTest
class LeadsViewIT extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DefinitionService definitions;
    @Autowired
    LeadService leads;

    @Test
    @WithUserDetails("marketing")
    void a_national_phone_typed_without_a_country_is_read_by_the_users_country() {
        com.vaadin.flow.component.UI.getCurrent().setLocale(java.util.Locale.forLanguageTag("pt-BR"));
        navigate(LeadsView.class);
        String company = "Nacional " + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        test(find(Button.class).withId("new-lead").single()).click();
        test(find(TextField.class).withId("lead-first-name").single()).setValue("Iara");
        test(find(TextField.class).withId("lead-last-name").single()).setValue("Moura");
        test(find(TextField.class).withId("lead-phone").single()).setValue("(21) 3456-7812");
        test(find(TextField.class).withId("lead-company").single()).setValue(company);
        test(find(Button.class).withId("save-lead").single()).click();

        assertThat(jdbc.queryForMap("SELECT phone, country, suspect_reasons FROM leads WHERE company = ?", company))
                .containsEntry("phone", "+552134567812").containsEntry("suspect_reasons", null)
                .containsEntry("country", null);
    }

    @Test
    @WithUserDetails("marketing")
    void marketing_logs_a_lead_and_qualifies_it_confirming_the_missing_criteria_on_the_spot() {
        navigate(LeadsView.class);
        String company = "Acme " + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        test(find(Button.class).withId("new-lead").single()).click();
        test(find(TextField.class).withId("lead-first-name").single()).setValue("Olga");
        test(find(TextField.class).withId("lead-last-name").single()).setValue("Ortiz");
        test(find(EmailField.class).withId("lead-email").single()).setValue("olga@acme.com");
        test(find(TextField.class).withId("lead-phone").single()).setValue("(21) 99876-5432");
        ((com.vaadin.flow.component.combobox.ComboBox<String>) find(com.vaadin.flow.component.combobox.ComboBox.class).withId("lead-country").single()).setValue("BR");
        test(find(TextField.class).withId("lead-company").single()).setValue(company);
        test(find(Button.class).withId("save-lead").single()).click();

        assertThat(jdbc.queryForObject("SELECT phone FROM leads WHERE company = ?", String.class, company))
                .isEqualTo("+5521998765432");
        test(find(TextField.class).withId("filter-text").single()).setValue(company);
        @SuppressWarnings("unchecked")
        Grid<LeadRow> grid = find(Grid.class).withId("leads-grid").single();
        assertThat(test(grid).size()).isEqualTo(1);

        test(find(Button.class).withId("lead-qualify").single()).click();
        var missing = definitions.entry(definitions.currentVersion(), Term.MQL).criteria();
        for (var criterion : missing) {
            test(find(Checkbox.class).withId("confirm-" + criterion.code()).single()).click();
        }
        test(find(Button.class).withId("confirm-and-retry").single()).click();

        assertThat(jdbc.queryForObject("SELECT status FROM leads WHERE company = ?", String.class, company))
                .isEqualTo("MQL");
        assertThat(find(Div.class).withId("lead-status").single().getElement().getTextRecursively()).contains("MQL");
        assertThat(find(Div.class).withId("lead-history").single().getElement().getTextRecursively())
                .contains("marketing", "New → MQL", "definitions version " + definitions.currentVersion());
    }

    @Test
    @WithUserDetails("marketing")
    void a_link_to_a_lead_opens_it_and_a_duplicate_is_merged_into_it_after_a_confirmation() {
        String tag = String.valueOf(System.nanoTime());
        long survivor = leads.create(new LeadInput("Lia", "Lopes" + tag, "lia" + tag + "@lopes.com", null, null, null,
                null, LeadSource.EVENT, null, null)).id();
        long duplicate = leads.create(new LeadInput("Lia", "Lopes" + tag, "LIA" + tag + "@lopes.com", null,
                "Lopes Ltda", null, null, LeadSource.NEWSLETTER, null, null), true).id();

        navigate("leads/" + survivor, LeadPage.class);
        assertThat(find(Div.class).withId("lead-possible-duplicates").single().getElement().getTextRecursively())
                .contains("Lia Lopes" + tag + " (Lopes Ltda)", "same e-mail");
        test(find(Button.class).withId("merge-" + duplicate).single()).click();
        test(find(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class).withId("merge-confirm").single())
                .confirm();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leads WHERE id = ?", Integer.class, duplicate)).isZero();
        assertThat(jdbc.queryForObject("SELECT company FROM leads WHERE id = ?", String.class, survivor))
                .isEqualTo("Lopes Ltda");
        assertThat(find(Div.class).withId("lead-history").single().getElement().getTextRecursively())
                .contains("merged #" + duplicate, "Company: – → Lopes Ltda");
    }

    @Test
    @WithUserDetails("marketing")
    void a_bad_phone_is_refused_on_the_field_and_nothing_is_saved() {
        navigate(LeadsView.class);
        String company = "Bad " + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        test(find(Button.class).withId("new-lead").single()).click();
        test(find(TextField.class).withId("lead-first-name").single()).setValue("Pia");
        test(find(TextField.class).withId("lead-last-name").single()).setValue("Paz");
        test(find(TextField.class).withId("lead-phone").single()).setValue("123");
        ((com.vaadin.flow.component.combobox.ComboBox<String>) find(com.vaadin.flow.component.combobox.ComboBox.class).withId("lead-country").single()).setValue("BR");
        test(find(TextField.class).withId("lead-company").single()).setValue(company);
        test(find(Button.class).withId("save-lead").single()).click();

        TextField phone = find(TextField.class).withId("lead-phone").single();
        assertThat(phone.isInvalid()).isTrue();
        assertThat(phone.getErrorMessage()).startsWith("This is not a phone number for the country given");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM leads WHERE company = ?", Integer.class, company)).isZero();
    }

    @Test
    @WithUserDetails("sales")
    void sales_sees_no_new_lead_button_and_the_status_tabs_count_leads() {
        navigate(LeadsView.class);
        assertThat(find(Button.class).withId("new-lead").exists()).isFalse();
        assertThat(find(com.vaadin.flow.component.tabs.Tab.class).withId("tab-ALL").single().getLabel())
                .matches("All \\([\\d,.]+\\)");
    }
}
