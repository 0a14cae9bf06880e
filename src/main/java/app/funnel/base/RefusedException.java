package app.funnel.base;

import java.util.Arrays;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;

/**
 * A record-level refusal (not the owner, the record moved on, a foreign import): an access denial
 * that carries the translation key of its reason, so that the user reads why, in their language.
 * Nothing was stored.
 */
public class RefusedException extends AccessDeniedException {

    private final String messageKey;
    private final transient List<Object> arguments;

    public RefusedException(String messageKey, Object... arguments) {
        super(messageKey + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
