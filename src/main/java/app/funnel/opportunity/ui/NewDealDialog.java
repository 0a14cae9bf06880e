package app.funnel.opportunity.ui;

import app.funnel.base.InvalidInputException;
import app.funnel.base.ui.Fields;
import app.funnel.base.ui.Messages;
import app.funnel.definition.TransitionRefusedException;
import app.funnel.definition.ui.MissingCriteriaDialog;
import app.funnel.lead.LeadSource;
import app.funnel.opportunity.NewDeal;
import app.funnel.opportunity.OpportunityDetails;
import app.funnel.opportunity.OpportunityService;
import app.funnel.opportunity.OpportunityService.AccountSummary;
import app.funnel.opportunity.OpportunityService.ContactSummary;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.jspecify.annotations.Nullable;

/**
 * A deal that did not come from a lead, from the deal grid or the board: its name, amount and
 * currency, expected close and source; the account (an existing one, or a new one by typing its
 * name) and the buyer (a contact of that account, or a new one). Refused by the Opportunity
 * definition, it lists the criteria to confirm and creates the deal once they are.
 */
final class NewDealDialog extends Dialog {

    private final OpportunityService opportunities;
    private final LongConsumer created;
    private final TextField name = Fields.text(getTranslation("opportunity.field.name"), 200);
    private final ComboBox<AccountSummary> account = new ComboBox<>(getTranslation("opportunity.field.account"));
    private final ComboBox<ContactSummary> buyer = new ComboBox<>(getTranslation("opportunity.field.buyer"));
    private final TextField buyerFirst = Fields.text(getTranslation("lead.field.first-name"), 100);
    private final TextField buyerLast = Fields.text(getTranslation("lead.field.last-name"), 100);
    private final EmailField buyerEmail = new EmailField(getTranslation("lead.field.email"));
    private final TextField buyerPhone = Fields.text(getTranslation("lead.field.phone"), 40);
    private final TextField buyerJob = Fields.text(getTranslation("lead.field.job-title"), 100);
    private final BigDecimalField amount = new BigDecimalField(getTranslation("opportunity.field.amount"));
    private final ComboBox<String> currency = new ComboBox<>(getTranslation("opportunity.field.currency"));
    private final DatePicker close = Fields.date(getTranslation("opportunity.field.close"));
    private final Select<LeadSource> source = new Select<>();
    /** A new account's name, typed into the account box. */
    private @Nullable String newAccount;
    private final Set<String> criteria = new HashSet<>();

    NewDealDialog(OpportunityService opportunities, LongConsumer created) {
        this.opportunities = opportunities;
        this.created = created;
        setId("new-deal-dialog");
        setHeaderTitle(getTranslation("opportunity.new-title"));
        setWidth("40rem");
        setMaxWidth("100%");
        name.setId("new-deal-name");
        name.setRequiredIndicatorVisible(true);
        account.setId("new-deal-account");
        account.setRequiredIndicatorVisible(true);
        account.setItems(query -> opportunities.accounts(query.getFilter().orElse("")).stream()
                .skip(query.getOffset()).limit(query.getLimit()));
        account.setItemLabelGenerator(AccountSummary::name);
        account.setAllowCustomValue(true);
        account.setHelperText(getTranslation("opportunity.account-helper"));
        account.addCustomValueSetListener(e -> {
            newAccount = e.getDetail().strip();
            account.clear();
            account.setPlaceholder(getTranslation("opportunity.account-new-short", newAccount));
            buyers(null);
        });
        account.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                newAccount = null;
                account.setPlaceholder(null);
            }
            buyers(e.getValue());
        });
        buyer.setId("new-deal-buyer");
        buyer.setItemLabelGenerator(c -> c.name() + (c.jobTitle() == null ? "" : " (" + c.jobTitle() + ")"));
        buyer.setPlaceholder(getTranslation("opportunity.buyer-new"));
        buyer.setClearButtonVisible(true);
        buyer.addValueChangeListener(e -> newBuyerVisible(e.getValue() == null));
        buyerFirst.setId("new-deal-buyer-first");
        buyerFirst.setRequiredIndicatorVisible(true);
        buyerLast.setId("new-deal-buyer-last");
        buyerLast.setRequiredIndicatorVisible(true);
        buyerEmail.setId("new-deal-buyer-email");
        buyerPhone.setId("new-deal-buyer-phone");
        buyerPhone.setHelperText(getTranslation("opportunity.buyer-phone-helper"));
        buyerJob.setId("new-deal-buyer-job");
        amount.setId("new-deal-amount");
        amount.setRequiredIndicatorVisible(true);
        currency.setId("new-deal-currency");
        Money.currencies(currency);
        currency.setValue(getLocale() != null && "BR".equals(getLocale().getCountry()) ? "BRL" : "USD");
        Money.echo(amount, currency);
        close.setId("new-deal-close");
        close.setValue(LocalDate.now().plusMonths(3));
        close.setRequiredIndicatorVisible(true);
        source.setId("new-deal-source");
        source.setLabel(getTranslation("lead.field.source"));
        source.setItems(LeadSource.values());
        source.setItemLabelGenerator(s -> getTranslation("source." + s.name()));
        source.setValue(LeadSource.OUTBOUND);
        buyers(null);

        FormLayout form = new FormLayout(name, account, buyer, buyerFirst, buyerLast, buyerEmail, buyerPhone, buyerJob,
                amount, currency, close, source);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("28rem", 2));
        form.setColspan(name, 2);
        form.setColspan(account, 2);
        form.setColspan(buyer, 2);
        add(form);
        Button cancel = new Button(getTranslation("users.cancel"), e -> close());
        Button create = new Button(getTranslation("opportunity.create"), e -> create());
        create.setId("new-deal-create");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        create.addClickShortcut(Key.KEY_S, KeyModifier.CONTROL).setBrowserDefaultAllowed(false);
        getFooter().add(cancel, create);
    }

    /** The "New deal" button of the deal grid and the board (for sales: a deal is its owner's), Alt+N. */
    static Button button(OpportunityService opportunities, LongConsumer created) {
        Button button = new Button(new com.vaadin.flow.component.icon.Icon(com.vaadin.flow.component.icon.VaadinIcon.PLUS),
                e -> new NewDealDialog(opportunities, created).open());
        button.setText(button.getTranslation("opportunities.new"));
        button.addThemeVariants(ButtonVariant.PRIMARY);
        button.setId("new-deal");
        button.addClickShortcut(Key.KEY_N, KeyModifier.ALT);
        button.setTooltipText(button.getTranslation("shortcut.new-deal"));
        return button;
    }

    /** The buyer is chosen among an existing account's contacts, or entered as a new contact. */
    private void buyers(@Nullable AccountSummary chosen) {
        buyer.clear();
        if (chosen == null) {
            buyer.setItems(java.util.List.of());
            buyer.setVisible(false);
        } else {
            buyer.setItems(opportunities.contactsOf(chosen.id()));
            buyer.setVisible(true);
        }
        newBuyerVisible(true);
    }

    private void newBuyerVisible(boolean visible) {
        for (var field : java.util.List.of(buyerFirst, buyerLast, buyerEmail, buyerPhone, buyerJob)) {
            field.setVisible(visible);
        }
    }

    private void create() {
        for (var field : java.util.List.of(name, buyerFirst, buyerLast, buyerPhone, buyerJob)) {
            field.setInvalid(false);
        }
        account.setInvalid(false);
        amount.setInvalid(false);
        currency.setInvalid(false);
        close.setInvalid(false);
        buyerEmail.setInvalid(false);
        AccountSummary existing = account.getValue();
        ContactSummary contact = buyer.isVisible() ? buyer.getValue() : null;
        NewDeal deal = new NewDeal(name.getValue(), amount.getValue(), currency.getValue(), close.getValue(),
                source.getValue(), existing == null ? null : existing.id(), existing == null ? newAccount : null,
                contact == null ? null : contact.id(), buyerFirst.getValue(), buyerLast.getValue(),
                buyerEmail.getValue(), buyerPhone.getValue(), buyerJob.getValue(), Set.copyOf(criteria));
        try {
            OpportunityDetails made = opportunities.create(deal);
            Messages.success(getTranslation("opportunity.created", made.name()));
            close();
            created.accept(made.id());
        } catch (TransitionRefusedException refused) {
            new MissingCriteriaDialog(refused.verdict(), codes -> {
                criteria.addAll(codes);
                create();
            }).open();
        } catch (InvalidInputException problem) {
            Messages.show(this, problem, null, Map.<String, com.vaadin.flow.component.HasValidation>ofEntries(Map.entry("name", name), Map.entry("amount", amount),
                    Map.entry("currency", currency), Map.entry("expectedClose", close), Map.entry("accountName", account),
                    Map.entry("account", account), Map.entry("buyer", buyer), Map.entry("buyerFirstName", buyerFirst),
                    Map.entry("buyerLastName", buyerLast), Map.entry("buyerEmail", buyerEmail),
                    Map.entry("buyerPhone", buyerPhone), Map.entry("buyerJobTitle", buyerJob)));
        }
    }
}
