package app.funnel.base.ui;

import com.vaadin.flow.component.HasValidation;

import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Text inputs with a length limit and the messages their checks show. The limit is not the
 * browser's maxlength, which cuts a pasted text short without a word (10,000 characters pasted
 * into a name were saved as 100): a longer text stays as typed, the field says it is too long, and
 * the service refuses it on save.
 */
public final class Fields {

    private Fields() {
    }

    public static TextField text(String label, int maxLength) {
        TextField field = new TextField(label);
        limit(field, maxLength);
        field.setI18n(new TextField.TextFieldI18n()
                .setRequiredErrorMessage(field.getTranslation("field.required"))
                .setMaxLengthErrorMessage(field.getTranslation("field.too-long", maxLength)));
        return field;
    }

    public static EmailField email(String label, int maxLength) {
        EmailField field = new EmailField(label);
        limit(field, maxLength);
        field.setI18n(new EmailField.EmailFieldI18n()
                .setRequiredErrorMessage(field.getTranslation("field.required"))
                .setMaxLengthErrorMessage(field.getTranslation("field.too-long", maxLength))
                .setPatternErrorMessage(field.getTranslation("user.error.email-format")));
        return field;
    }

    public static PasswordField password(String label, int maxLength) {
        PasswordField field = new PasswordField(label);
        limit(field, maxLength);
        field.setI18n(new PasswordField.PasswordFieldI18n()
                .setRequiredErrorMessage(field.getTranslation("field.required"))
                .setMaxLengthErrorMessage(field.getTranslation("field.too-long", maxLength)));
        return field;
    }

    /**
     * A date picker in the user's language: month and weekday names, the first day of the week and
     * the date format of the locale (dd/MM/yyyy in Brazil), and its buttons translated.
     */
    public static com.vaadin.flow.component.datepicker.DatePicker date(String label) {
        com.vaadin.flow.component.datepicker.DatePicker field = new com.vaadin.flow.component.datepicker.DatePicker(label);
        localize(field);
        return field;
    }

    public static void localize(com.vaadin.flow.component.datepicker.DatePicker field) {
        java.util.Locale locale = field.getLocale() != null ? field.getLocale() : java.util.Locale.ENGLISH;
        field.setLocale(locale);
        field.setI18n(datePickerI18n(field, locale));
    }

    public static void localize(com.vaadin.flow.component.datetimepicker.DateTimePicker field) {
        java.util.Locale locale = field.getLocale() != null ? field.getLocale() : java.util.Locale.ENGLISH;
        field.setLocale(locale);
        field.setDatePickerI18n(datePickerI18n(field, locale));
    }

    private static com.vaadin.flow.component.datepicker.DatePicker.DatePickerI18n datePickerI18n(
            com.vaadin.flow.component.Component field, java.util.Locale locale) {
        var i18n = new com.vaadin.flow.component.datepicker.DatePicker.DatePickerI18n();
        java.util.List<String> months = new java.util.ArrayList<>();
        for (java.time.Month month : java.time.Month.values()) {
            months.add(capitalized(month.getDisplayName(java.time.format.TextStyle.FULL_STANDALONE, locale), locale));
        }
        java.util.List<String> days = new java.util.ArrayList<>();
        java.util.List<String> shortDays = new java.util.ArrayList<>();
        for (java.time.DayOfWeek day : java.util.List.of(java.time.DayOfWeek.SUNDAY, java.time.DayOfWeek.MONDAY,
                java.time.DayOfWeek.TUESDAY, java.time.DayOfWeek.WEDNESDAY, java.time.DayOfWeek.THURSDAY,
                java.time.DayOfWeek.FRIDAY, java.time.DayOfWeek.SATURDAY)) {
            days.add(capitalized(day.getDisplayName(java.time.format.TextStyle.FULL_STANDALONE, locale), locale));
            shortDays.add(capitalized(day.getDisplayName(java.time.format.TextStyle.SHORT_STANDALONE, locale)
                    .replace(".", ""), locale));
        }
        int first = java.time.temporal.WeekFields.of(locale).getFirstDayOfWeek().getValue() % 7;
        String pattern = java.time.format.DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                java.time.format.FormatStyle.SHORT, null, java.time.chrono.IsoChronology.INSTANCE, locale)
                .replaceAll("\\by+\\b", "yyyy");
        return i18n.setMonthNames(months).setWeekdays(days).setWeekdaysShort(shortDays).setFirstDayOfWeek(first)
                .setToday(field.getTranslation("date.today")).setCancel(field.getTranslation("date.cancel"))
                .setDateFormat(pattern);
    }

    private static String capitalized(String text, java.util.Locale locale) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
    }

    /** Marks the field invalid with "at most N characters" while its text is longer; nothing is cut. */
    public static <F extends com.vaadin.flow.component.HasValue<?, String> & HasValidation> void limit(F field, int max) {
        field.addValueChangeListener(e -> {
            String value = e.getValue();
            if (value != null && value.strip().length() > max) {
                field.setErrorMessage(((com.vaadin.flow.component.Component) field).getTranslation("field.too-long-by",
                        max, value.strip().length() - max));
                field.setInvalid(true);
            } else if (field.isInvalid() && value != null && value.strip().length() <= max) {
                field.setInvalid(false);
            }
        });
    }
}
