package app.funnel.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.FunnelAppTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithUserDetails;

/** Date pickers speak the user's language: months, weekdays, buttons and the date format. */
@FunnelAppTest
class LocalizedFieldsIT extends SpringBrowserlessTest {

    @Test
    @WithUserDetails("marketing")
    void a_date_picker_in_brazilian_portuguese_has_portuguese_months_buttons_and_day_first_dates() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("pt-BR"));
        DatePicker picker = Fields.date("Data");
        DatePicker.DatePickerI18n i18n = picker.getI18n();
        assertThat(i18n.getMonthNames()).startsWith("Janeiro", "Fevereiro", "Março");
        assertThat(i18n.getWeekdays().getFirst()).isEqualTo("Domingo");
        assertThat(i18n.getToday()).isEqualTo("Hoje");
        assertThat(i18n.getCancel()).isEqualTo("Cancelar");
        assertThat(i18n.getDateFormats().getFirst()).isEqualTo("dd/MM/yyyy");
        assertThat(i18n.getFirstDayOfWeek()).isZero();
    }

    @Test
    @WithUserDetails("marketing")
    void a_date_picker_in_english_has_english_months_and_month_first_dates() {
        UI.getCurrent().setLocale(Locale.US);
        DatePicker.DatePickerI18n i18n = Fields.date("Date").getI18n();
        assertThat(i18n.getMonthNames().getFirst()).isEqualTo("January");
        assertThat(i18n.getToday()).isEqualTo("Today");
        assertThat(i18n.getDateFormats().getFirst()).isEqualTo("M/d/yyyy");
    }
}
