package app.funnel.lead;

import app.funnel.definition.DefinitionService;
import app.funnel.security.CurrentUser;
import app.funnel.security.Roles;
import app.funnel.statistics.FunnelStep;
import app.funnel.statistics.LeadChanged;
import app.funnel.statistics.LeadFacts;
import app.funnel.statistics.StateChanged;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leads from web forms, the path that must stay fast under load: one plain insert per new person,
 * the same checks and duplicate matching as any lead, and the same events for the statistics.
 */
@Service
public class LeadCapture {

    private final LeadSearch search;
    private final LeadSignals signals;
    private final DefinitionService definitions;
    private final ApplicationEventPublisher events;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    LeadCapture(LeadSearch search, LeadSignals signals, DefinitionService definitions, ApplicationEventPublisher events,
                JdbcTemplate jdbc, Clock clock) {
        this.search = search;
        this.signals = signals;
        this.definitions = definitions;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A lead from a web form: checked like any lead; a person Funnel already knows (the duplicate
     * matching) gets the new interest signal on the existing lead instead of a second lead, marked as
     * coming through the form {@code via} and awaiting review (nothing else of the lead changes). Only
     * the capture feature calls this, under its own system role, after checking the form's key.
     *
     * @return the id of the lead created or found
     */
    @Transactional
    @PreAuthorize(Roles.HAS_CAPTURE)
    public long capture(LeadInput input, SignalKind signal, long ownerId, String via) {
        String by = CurrentUser.require().username();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LeadFields checked = LeadFields.check(input);
        LeadSource source = input.source() == null ? LeadSource.WEBSITE_FORM : input.source();
        List<DuplicateLead> known = search.duplicates(checked.person(), null).stream()
                .filter(DuplicateLead::certain).toList();
        if (!known.isEmpty()) {
            // a public form writes nothing to a known person's lead unseen: the signal waits for review
            long existing = known.getFirst().id();
            signals.addForReview(existing, signal, now, via);
            return existing;
        }
        // one plain insert: web forms post many leads at once, and none of them is edited here
        long id = insert(checked, source, ownerId, now, by);
        LeadFacts captured = new LeadFacts(id, now, LeadStatus.NEW, ownerId, source.name(), FunnelStep.LEAD,
                checked.lastName(), checked.company(), null, null);
        events.publishEvent(LeadChanged.stored(captured));
        events.publishEvent(new StateChanged(LeadStatus.LIFECYCLE, id, null, LeadStatus.NEW, by, now, null,
                definitions.currentVersion(), null, null, ownerId, source.name(), null));
        signals.add(id, signal, now);
        return id;
    }

    /** Inserts a new lead as the entity would be stored (times in UTC, as Hibernate writes them). */
    private long insert(LeadFields f, LeadSource source, long ownerId, Instant now, String by) {
        LocalDateTime utc = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("INSERT INTO leads ("
                    + String.join(", ", LeadBatch.NEW_LEAD_COLUMNS) + ") VALUES ("
                    + String.join(", ", Collections.nCopies(LeadBatch.NEW_LEAD_COLUMNS.size(), "?")) + ")",
                    java.sql.Statement.RETURN_GENERATED_KEYS);
            Object[] values = LeadBatch.newLead(f, source, ownerId, utc, by);
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement;
        }, key);
        return Objects.requireNonNull(key.getKey()).longValue();
    }
}
