package app.funnel.capture;

import app.funnel.base.InvalidInputException;
import app.funnel.base.Texts;
import app.funnel.lead.LeadInput;
import app.funnel.lead.LeadCapture;
import app.funnel.lead.LeadSource;
import app.funnel.lead.SignalKind;
import app.funnel.security.CurrentUser;
import app.funnel.security.Role;
import app.funnel.security.Roles;
import app.funnel.user.UserService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.ArrayList;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Web capture: ADMIN manages the forms; websites post to them. A post is checked against its
 * form's key, origin and the rate limits, its honeypot field is honoured (a bot that fills it in
 * is told "created" and nothing is stored), its fields are checked like a lead typed in by hand,
 * a person Funnel knows gets the new signal instead of a second lead, and the same post twice
 * counts once. The consent and the text shown are stored with the time and the address.
 */
@Service
public class CaptureService {

    /** The hidden field of the snippet: people leave it empty, form-filling bots do not. */
    public static final String HONEYPOT = "website";
    private static final Pattern ORIGIN = Pattern.compile("https?://[a-z0-9.-]+(:[0-9]{1,5})?");
    private static final Pattern THANK_YOU = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[^\\s\"'<>]*)?");
    private static final List<String> FIELDS = List.of("firstName", "lastName", "email", "phone", "company",
            "jobTitle", "country", "consent", "consentText");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CaptureStore store;
    private final CaptureLimits limits;
    private final LeadCapture leads;
    private final UserService users;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CaptureService(CaptureStore store, CaptureLimits limits, LeadCapture leads, UserService users,
                   TransactionTemplate transaction, Clock clock) {
        this.store = store;
        this.limits = limits;
        this.leads = leads;
        this.users = users;
        this.transaction = transaction;
        this.clock = clock;
    }

    @PreAuthorize(Roles.HAS_ADMIN)
    public List<CaptureForm> forms() {
        return store.all();
    }

    /** A new form with a fresh random key; origins are the websites (like https://www.example.com) allowed to post. */
    @PreAuthorize(Roles.HAS_ADMIN)
    public CaptureForm create(@Nullable String name, @Nullable LeadSource source, @Nullable SignalKind signal,
                              List<String> origins, @Nullable Long ownerId) {
        return create(name, source, signal, origins, ownerId, null);
    }

    /** As above, with the website's own page a visitor's browser is sent to after posting (https://...). */
    @PreAuthorize(Roles.HAS_ADMIN)
    public CaptureForm create(@Nullable String name, @Nullable LeadSource source, @Nullable SignalKind signal,
                              List<String> origins, @Nullable Long ownerId, @Nullable String thankYouUrl) {
        String thanks = Texts.optional(thankYouUrl, "thankYouUrl", 500);
        if (thanks != null && !THANK_YOU.matcher(thanks).matches()) {
            throw new InvalidInputException("thankYouUrl", "capture.error.thank-you-url");
        }
        String text = Texts.required(name, "name", 100, "field.required");
        if (source == null) {
            throw new InvalidInputException("source", "field.required");
        }
        if (signal == null) {
            throw new InvalidInputException("signal", "field.required");
        }
        List<String> cleaned = new ArrayList<>();
        for (String origin : origins) {
            String o = origin.strip().toLowerCase(Locale.ROOT).replaceAll("/+$", "");
            if (o.isEmpty()) {
                continue;
            }
            if (!ORIGIN.matcher(o).matches() && !o.equals("null")) {
                throw new InvalidInputException("origins", "capture.error.origin", origin.strip());
            }
            cleaned.add(o);
        }
        if (ownerId == null || users.enabledWithRole(Role.MARKETING).stream().noneMatch(u -> u.id() == ownerId)
                && users.enabledWithRole(Role.SALES).stream().noneMatch(u -> u.id() == ownerId)) {
            throw new InvalidInputException("owner", "capture.error.owner");
        }
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.create(key, text, source, signal, cleaned, ownerId, clock.instant(), CurrentUser.require().username(),
                thanks);
        forms.invalidateAll();
        return store.byKey(key).orElseThrow();
    }

    @PreAuthorize(Roles.HAS_ADMIN)
    public void revoke(long id) {
        store.revoke(id, clock.instant());
        forms.invalidateAll();
    }

    /** How many posts a form has taken. */
    @PreAuthorize(Roles.HAS_ADMIN)
    public int submissions(long formId) {
        return store.submissions(formId);
    }

    /**
     * The form behind a key, for the endpoint's CORS answer; empty when unknown or revoked. Read
     * from a cache of a few seconds (every post asks twice); creating or revoking a form empties it.
     */
    @PreAuthorize(Roles.PERMIT_ALL)
    public Optional<CaptureForm> activeForm(String key) {
        return forms.get(key, store::byKey).filter(CaptureForm::active);
    }

    /**
     * Forms by key for a few seconds, unknown keys included (a made-up key asked again costs no
     * query); bounded, so keys that posters make up push out the oldest entries only.
     */
    private final Cache<String, Optional<CaptureForm>> forms = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(java.time.Duration.ofSeconds(5)).build();

    /** Whether a CORS preflight from this address is answered now; seconds to wait when not. */
    @PreAuthorize(Roles.PERMIT_ALL)
    public long preflightWaitSeconds(String address) {
        return limits.preflightWaitSeconds(address);
    }

    /**
     * Takes a post to a form.
     *
     * @param origin the browser's Origin header, if any (posts from servers have none)
     */
    @PreAuthorize(Roles.PERMIT_ALL)
    public CaptureResult submit(String key, Map<String, String> fields, String address, @Nullable String origin) {
        long wait = limits.waitSeconds(key, address);
        if (wait > 0) {
            return CaptureResult.tooMany(wait);
        }
        Optional<CaptureForm> found = activeForm(key);
        if (found.isEmpty()) {
            return CaptureResult.status(404);
        }
        CaptureForm form = found.get();
        // "null" is what browsers send when they keep the origin to themselves (a sandboxed frame, a
        // file or data: page): anyone can make one, so only a form whose websites list "null" takes it
        if (origin != null && !form.allows(origin.toLowerCase(Locale.ROOT))) {
            return CaptureResult.status(403);
        }
        String fingerprint = fingerprint(form.id(), fields);
        String receipt = receipt(fingerprint);
        if (!fields.getOrDefault(HONEYPOT, "").isBlank()) {
            return CaptureResult.created(receipt, null);
        }
        Optional<Long> earlier = store.earlier(form.id(), fingerprint);
        if (earlier.isPresent()) {
            return CaptureResult.created(receipt, earlier.get());
        }
        boolean consent = Boolean.parseBoolean(fields.getOrDefault("consent", "false").strip())
                || List.of("yes", "on", "1", "sim").contains(fields.getOrDefault("consent", "").strip().toLowerCase(Locale.ROOT));
        String consentText;
        try {
            consentText = Texts.optional(fields.get("consentText"), "consentText", 2000);
        } catch (InvalidInputException problem) {
            return CaptureResult.invalid(List.of(error(problem)));
        }
        LeadInput input = new LeadInput(fields.get("firstName"), fields.get("lastName"), fields.get("email"),
                fields.get("phone"), fields.get("company"), fields.get("jobTitle"), fields.get("country"),
                form.source(), null, null);
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext system = SecurityContextHolder.createEmptyContext();
        String who = ("form:" + form.name());
        system.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                who.length() > 64 ? who.substring(0, 64) : who, null,
                List.of(new SimpleGrantedAuthority("ROLE_CAPTURE"))));
        SecurityContextHolder.setContext(system);
        try {
            Long leadId = transaction.execute(status -> {
                long id = leads.capture(input, form.signal(), form.ownerId(), form.name());
                if (!store.record(form.id(), fingerprint, id, consent, consentText, address, clock.instant())) {
                    // the same post arrived twice at once: the first one counts
                    status.setRollbackOnly();
                    return null;
                }
                return id;
            });
            return CaptureResult.created(receipt, leadId != null ? leadId : store.earlier(form.id(), fingerprint).orElse(null));
        } catch (InvalidInputException problem) {
            return CaptureResult.invalid(List.of(error(problem)));
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /** The same fields with the same values to the same form make the same fingerprint. */
    private static String fingerprint(long formId, Map<String, String> fields) {
        Map<String, String> sorted = new TreeMap<>();
        for (String field : FIELDS) {
            String value = fields.get(field);
            if (value != null && !value.isBlank()) {
                sorted.put(field, value.strip());
            }
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((formId + "\n" + sorted).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The post's receipt: derived from its fingerprint, so the same post twice gets the same one. */
    private static String receipt(String fingerprint) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("receipt\n" + fingerprint).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The field error in English, as an API client reads it. */
    private static CaptureResult.FieldError error(InvalidInputException problem) {
        ResourceBundle bundle = ResourceBundle.getBundle("vaadin-i18n/translations", Locale.ROOT);
        String text = bundle.containsKey(problem.messageKey())
                ? new MessageFormat(bundle.getString(problem.messageKey()), Locale.ENGLISH).format(problem.arguments())
                : problem.messageKey();
        return new CaptureResult.FieldError(problem.field(), text);
    }
}
