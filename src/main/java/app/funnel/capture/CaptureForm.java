package app.funnel.capture;

import app.funnel.lead.LeadSource;
import app.funnel.lead.SignalKind;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A web form leads arrive through.
 *
 * @param key            the secret in the form's URL
 * @param allowedOrigins the website origins (scheme, host, port) browsers may post from
 * @param thankYouUrl    where a visitor's browser goes after a post, if the website has its own page
 */
public record CaptureForm(long id, String key, String name, LeadSource source, SignalKind signal,
                          List<String> allowedOrigins, long ownerId, @Nullable Instant revokedAt, Instant createdAt,
                          String createdBy, @Nullable String thankYouUrl) {

    public boolean active() {
        return revokedAt == null;
    }

    public boolean allows(@Nullable String origin) {
        return origin != null && allowedOrigins.contains(origin);
    }
}
