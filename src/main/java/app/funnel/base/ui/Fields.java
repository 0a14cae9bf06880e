package app.funnel.base.ui;

import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Text inputs with a length limit and the messages their built-in checks show. Without these
 * messages a field that breaks its own limit or pattern turns red with no text, and the user is
 * left guessing what to fix.
 */
public final class Fields {

    private Fields() {
    }

    public static TextField text(String label, int maxLength) {
        TextField field = new TextField(label);
        field.setMaxLength(maxLength);
        field.setI18n(new TextField.TextFieldI18n()
                .setRequiredErrorMessage(field.getTranslation("field.required"))
                .setMaxLengthErrorMessage(field.getTranslation("field.too-long", maxLength)));
        return field;
    }

    public static EmailField email(String label, int maxLength) {
        EmailField field = new EmailField(label);
        field.setMaxLength(maxLength);
        field.setI18n(new EmailField.EmailFieldI18n()
                .setRequiredErrorMessage(field.getTranslation("field.required"))
                .setMaxLengthErrorMessage(field.getTranslation("field.too-long", maxLength))
                .setPatternErrorMessage(field.getTranslation("user.error.email-format")));
        return field;
    }

    public static PasswordField password(String label, int maxLength) {
        PasswordField field = new PasswordField(label);
        field.setMaxLength(maxLength);
        field.setI18n(new PasswordField.PasswordFieldI18n()
                .setRequiredErrorMessage(field.getTranslation("field.required"))
                .setMaxLengthErrorMessage(field.getTranslation("field.too-long", maxLength)));
        return field;
    }
}
