package app.funnel.user.ui;

import app.funnel.user.PasswordPolicy;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.data.binder.ValueContext;
import java.util.function.Supplier;

/** Checks a password field against {@link PasswordPolicy} as the user types, in the user's language. */
final class PasswordPolicyValidator implements Validator<String> {

    private final PasswordPolicy policy;
    private final Supplier<String> username;
    private final Component owner;

    PasswordPolicyValidator(PasswordPolicy policy, Supplier<String> username, Component owner) {
        this.policy = policy;
        this.username = username;
        this.owner = owner;
    }

    @Override
    public ValidationResult apply(String value, ValueContext context) {
        return policy.problem(value == null ? "" : value, username.get())
                .map(key -> ValidationResult.error(
                        owner.getTranslation(key, PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH)))
                .orElse(ValidationResult.ok());
    }
}
