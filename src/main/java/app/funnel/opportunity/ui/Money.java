package app.funnel.opportunity.ui;

import app.funnel.opportunity.Totals;
import com.vaadin.flow.component.UI;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Amounts as the user reads them: in the UI's locale, with the deal's currency. */
final class Money {

    private Money() {
    }

    /** A deal's currency: the usual ones to pick, any ISO code typed (the service checks it), in capitals. */
    static void currencies(com.vaadin.flow.component.combobox.ComboBox<String> currency) {
        currency.setItems("USD", "BRL", "EUR", "GBP");
        currency.setAllowCustomValue(true);
        currency.addCustomValueSetListener(e -> currency.setValue(e.getDetail().toUpperCase(java.util.Locale.ROOT)));
    }

    static String format(BigDecimal amount, String currency) {
        Locale locale = UI.getCurrent() != null ? UI.getCurrent().getLocale() : Locale.US;
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance(currency));
        format.setMaximumFractionDigits(amount.stripTrailingZeros().scale() <= 0 ? 0 : 2);
        return format.format(amount);
    }

    /**
     * The largest currency's total only, for narrow places; {@code others} says how many other
     * currencies there are (such as "+3 currencies", shown in full on hover).
     */
    static String main(List<Totals> totals, boolean weighted, java.util.function.IntFunction<String> others) {
        if (totals.isEmpty()) {
            return "–";
        }
        Totals first = totals.getFirst();
        String text = format(weighted ? first.weighted() : first.amount(), first.currency());
        return totals.size() > 1 ? text + " " + others.apply(totals.size() - 1) : text;
    }

    /** "US$ 30,000,000 · R$ 500,000": totals per currency, never added across currencies. */
    static String totals(List<Totals> totals, boolean weighted) {
        if (totals.isEmpty()) {
            return "–";
        }
        return totals.stream().map(t -> format(weighted ? t.weighted() : t.amount(), t.currency()))
                .collect(Collectors.joining(" · "));
    }

    /**
     * Shows the amount as it reads in the user's language (thousands separators, the currency) under
     * the field while it is typed, so that 30000000 is seen as R$ 30.000.000 before it is saved.
     */
    static void echo(com.vaadin.flow.component.textfield.BigDecimalField amount,
                     com.vaadin.flow.component.HasValue<?, String> currency) {
        Runnable show = () -> {
            String code = currency.getValue() == null ? null : currency.getValue().strip().toUpperCase(Locale.ROOT);
            boolean known = code != null && code.matches("[A-Z]{3}");
            try {
                amount.setHelperText(amount.getValue() == null || !known ? null : format(amount.getValue(), code));
            } catch (IllegalArgumentException unknownCurrency) {
                amount.setHelperText(null);
            }
        };
        amount.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        amount.addValueChangeListener(e -> show.run());
        currency.addValueChangeListener(e -> show.run());
        show.run();
    }
}
