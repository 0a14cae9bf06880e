package app.funnel.opportunity.ui;

import app.funnel.base.ConcurrentChangeException;
import app.funnel.base.InvalidInputException;
import app.funnel.base.ui.Fields;
import app.funnel.base.ui.Messages;
import app.funnel.definition.DefinitionService;
import app.funnel.definition.TransitionRefusedException;
import app.funnel.definition.ui.MissingCriteriaDialog;
import app.funnel.lead.LeadDetails;
import app.funnel.lead.LeadService;
import app.funnel.opportunity.ConversionInput;
import app.funnel.opportunity.OpportunityDetails;
import app.funnel.opportunity.OpportunityService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Converts an SQL: the deal's name, amount and currency, expected close, and who the buyer is (the
 * lead, or another contact of the account it matches). Refused by the Opportunity definition, it
 * lists what is missing and lets the user confirm it on the spot.
 */
final class ConvertDialog extends Dialog {

    private final OpportunityService opportunities;
    private final LeadService leads;
    private final LeadDetails lead;
    private final LongConsumer converted;
    private final TextField name = Fields.text(getTranslation("opportunity.field.name"), 200);
    private final BigDecimalField amount = new BigDecimalField(getTranslation("opportunity.field.amount"));
    private final ComboBox<String> currency = new ComboBox<>(getTranslation("opportunity.field.currency"));
    private final DatePicker close = Fields.date(getTranslation("opportunity.field.close"));
    private final ComboBox<OpportunityService.ContactSummary> buyer =
            new ComboBox<>(getTranslation("opportunity.field.buyer"));
    private final OpportunityService.@org.jspecify.annotations.Nullable AccountSummary account;

    ConvertDialog(OpportunityService opportunities, LeadService leads, DefinitionService definitions,
                  LeadDetails lead, LongConsumer converted) {
        this.opportunities = opportunities;
        this.leads = leads;
        this.lead = lead;
        this.converted = converted;
        setId("convert-dialog");
        setHeaderTitle(getTranslation("opportunity.convert-title", lead.firstName() + " " + lead.lastName()));
        setWidth("38rem");
        this.account = opportunities.matchingAccount(lead.id()).orElse(null);
        String company = lead.company() != null ? lead.company() : lead.firstName() + " " + lead.lastName();
        name.setId("convert-name");
        name.setValue(company + " – ");
        name.setRequiredIndicatorVisible(true);
        amount.setId("convert-amount");
        amount.setRequiredIndicatorVisible(true);
        currency.setId("convert-currency");
        Money.currencies(currency);
        currency.setValue("BR".equals(lead.country()) ? "BRL" : "PT".equals(lead.country()) ? "EUR" : "USD");
        Money.echo(amount, currency);
        close.setId("convert-close");
        close.setValue(LocalDate.now().plusMonths(3));
        close.setRequiredIndicatorVisible(true);
        buyer.setId("convert-buyer");
        buyer.setItemLabelGenerator(c -> c.name() + (c.jobTitle() == null ? "" : " (" + c.jobTitle() + ")"));
        buyer.setPlaceholder(getTranslation("opportunity.buyer-is-lead", lead.firstName() + " " + lead.lastName()));
        buyer.setClearButtonVisible(true);
        Paragraph where = new Paragraph(account != null
                ? getTranslation("opportunity.account-existing", account.name())
                : getTranslation("opportunity.account-new", company));
        where.setId("convert-account");
        if (account != null) {
            buyer.setItems(opportunities.contactsOf(account.id()));
        } else {
            buyer.setVisible(false);
        }
        FormLayout form = new FormLayout(name, amount, currency, close, buyer);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28rem", 2));
        form.setColspan(name, 2);
        form.setColspan(buyer, 2);
        add(where, form);
        Button cancel = new Button(getTranslation("users.cancel"), e -> close());
        Button convert = new Button(getTranslation("opportunity.convert"), e -> convert());
        convert.setId("convert-confirm");
        convert.addThemeVariants(ButtonVariant.PRIMARY);
        getFooter().add(cancel, convert);
    }

    private void convert() {
        name.setInvalid(false);
        amount.setInvalid(false);
        currency.setInvalid(false);
        close.setInvalid(false);
        ConversionInput input = new ConversionInput(name.getValue(), amount.getValue(), currency.getValue(),
                close.getValue(), account == null ? null : account.id(),
                buyer.getValue() == null ? null : buyer.getValue().id());
        try {
            OpportunityDetails deal = opportunities.convert(lead.id(), lead.version(), input);
            Messages.success(getTranslation("opportunity.converted", deal.name()));
            close();
            converted.accept(deal.id());
        } catch (TransitionRefusedException refused) {
            new MissingCriteriaDialog(refused.verdict(), codes -> {
                leads.confirmCriteria(lead.id(), codes);
                convert();
            }).open();
        } catch (InvalidInputException problem) {
            Messages.show(this, problem, null, Map.of("name", name, "amount", amount, "currency", currency,
                    "expectedClose", close, "buyer", buyer));
        } catch (ConcurrentChangeException conflict) {
            Messages.show(this, conflict);
        }
    }
}
