package app.funnel.capture;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a post to a capture form came to, with the HTTP status it is answered with.
 *
 * @param receipt an opaque id of the post (201), the same for the same post twice; it tells a
 *                website nothing about the lead, nor whether the person was known
 * @param leadId  the lead created or found, for Funnel's own use; never sent to the poster
 * @param errors field errors (400)
 * @param retryAfterSeconds how long to wait (429)
 */
public record CaptureResult(int status, @Nullable String receipt, @Nullable Long leadId, List<FieldError> errors, long retryAfterSeconds) {

    /** A field and what to fix in it. */
    public record FieldError(String field, String message) {
    }

    static CaptureResult created(String receipt, @Nullable Long leadId) {
        return new CaptureResult(201, receipt, leadId, List.of(), 0);
    }

    static CaptureResult status(int status) {
        return new CaptureResult(status, null, null, List.of(), 0);
    }

    static CaptureResult invalid(List<FieldError> errors) {
        return new CaptureResult(400, null, null, errors, 0);
    }

    static CaptureResult tooMany(long retryAfterSeconds) {
        return new CaptureResult(429, null, null, List.of(), retryAfterSeconds);
    }
}
