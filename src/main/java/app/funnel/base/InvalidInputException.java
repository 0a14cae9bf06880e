package app.funnel.base;

import java.util.Arrays;
import java.util.List;

/**
 * Input refused by a service. Names the field to fix and a translation key (with arguments) that
 * says how; the UI shows it next to the field. Nothing was stored.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient List<Object> arguments;

    public InvalidInputException(String field, String messageKey, Object... arguments) {
        super(field + ": " + messageKey + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    /** The name of the field (the record component or form property) that holds the bad value. */
    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
