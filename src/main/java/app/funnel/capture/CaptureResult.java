package app.funnel.capture;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a post to a capture form came to, with the HTTP status it is answered with.
 *
 * @param leadId the lead created or found (201); null when nothing was stored
 * @param errors field errors (400)
 * @param retryAfterSeconds how long to wait (429)
 */
public record CaptureResult(int status, @Nullable Long leadId, List<FieldError> errors, long retryAfterSeconds) {

    /** A field and what to fix in it. */
    public record FieldError(String field, String message) {
    }

    static CaptureResult created(@Nullable Long leadId) {
        return new CaptureResult(201, leadId, List.of(), 0);
    }

    static CaptureResult status(int status) {
        return new CaptureResult(status, null, List.of(), 0);
    }

    static CaptureResult invalid(List<FieldError> errors) {
        return new CaptureResult(400, null, errors, 0);
    }

    static CaptureResult tooMany(long retryAfterSeconds) {
        return new CaptureResult(429, null, List.of(), retryAfterSeconds);
    }
}
