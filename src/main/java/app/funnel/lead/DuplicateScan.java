package app.funnel.lead;

import app.funnel.base.Utc;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the stored leads that {@link DuplicateRule} calls the same person, into
 * {@code duplicate_pair}. A full scan walks every lead by id, a chunk per transaction, each chunk's
 * candidates from the keys' indexes (the same e-mail key, phone, or name at the company key) and
 * the rule deciding; its position is in {@code duplicate_scan}, so a restart (or another node, the
 * job holding a ShedLock row) resumes where it stopped. Once a full scan has finished, the leads
 * changed since its watermark are checked again on every run: new and edited leads only.
 */
@Component
class DuplicateScan {

    private static final Logger log = LoggerFactory.getLogger(DuplicateScan.class);
    static final int CHUNK = 5_000;
    /** Leads per transaction of the full scan (tests make it small, to stop a scan half-way). */
    private int chunk = CHUNK;
    /** A phone shared by more leads than this is a switchboard or a placeholder: never a duplicate key. */
    static final int SHARED_PHONE = 50;
    private static final Duration SLICE = Duration.ofSeconds(20);
    /** How far behind its watermark the check of changed leads reads again (clocks of two nodes differ a little). */
    static final Duration OVERLAP = Duration.ofSeconds(10);

    /** The scan's row. */
    record State(@org.jspecify.annotations.Nullable Instant startedAt, @org.jspecify.annotations.Nullable Instant finishedAt,
                 long nextId, long lastId, long total, long done,
                 @org.jspecify.annotations.Nullable Instant watermark) {
        boolean running() {
            return startedAt != null && finishedAt == null;
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DuplicateScan(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    State state() {
        return jdbc.queryForObject("SELECT started_at, finished_at, next_id, last_id, total, done, watermark "
                + "FROM duplicate_scan WHERE id = 1", (rs, i) -> new State(instant(rs.getObject(1, LocalDateTime.class)),
                instant(rs.getObject(2, LocalDateTime.class)), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                instant(rs.getObject(7, LocalDateTime.class))));
    }

    /** Starts a full scan from the first lead (a running one starts over). */
    void start(String by) {
        Instant now = clock.instant();
        Long last = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) FROM leads", Long.class);
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM leads", Long.class);
        jdbc.update("UPDATE duplicate_scan SET started_at = ?, started_by = ?, finished_at = NULL, next_id = 0, "
                + "last_id = ?, total = ?, done = 0, watermark = ? WHERE id = 1", Utc.of(now), by, last, total, Utc.of(now));
    }

    @Scheduled(fixedDelayString = "${funnel.duplicates.scan-interval:5s}", initialDelayString = "${funnel.duplicates.scan-delay:10s}")
    @SchedulerLock(name = "duplicate-scan", lockAtMostFor = "PT5M")
    void scheduled() {
        try {
            work(SLICE);
        } catch (RuntimeException e) {
            log.warn("The duplicate scan stopped and resumes on its next run: {}", e.toString());
        }
    }

    /** For tests: the full scan's chunk size. */
    void chunkSize(int leads) {
        this.chunk = leads;
    }

    /** For tests: runs this many chunks of the full scan (fewer if it ends), as a run stopped half-way would. */
    void fullChunks(int n) {
        State state = state();
        for (int i = 0; i < n && state.running(); i++) {
            state = fullChunk(state);
        }
    }

    /** Scans for at most about {@code slice}: the next chunks of a full scan, else the changed leads. */
    void work(Duration slice) {
        Instant until = Instant.now().plus(slice);
        State state = state();
        if (state.running()) {
            while (state.running() && Instant.now().isBefore(until)) {
                state = fullChunk(state);
            }
        } else if (state.finishedAt() != null && state.watermark() != null) {
            changedSince(state.watermark(), until);
        }
    }

    /** One chunk of the full scan in one transaction: its pairs and the new position together. */
    private State fullChunk(State state) {
        transaction.executeWithoutResult(tx -> {
            long from = state.nextId();
            List<Long> ids = jdbc.queryForList("SELECT id FROM leads WHERE id > ? AND id <= ? ORDER BY id LIMIT " + chunk,
                    Long.class, from, state.lastId());
            if (ids.isEmpty()) {
                jdbc.update("UPDATE duplicate_scan SET finished_at = ?, next_id = last_id, done = total WHERE id = 1",
                        Utc.of(clock.instant()));
                return;
            }
            long to = ids.getLast();
            List<long[]> candidates = candidates("a.id > ? AND a.id <= ?", List.of(from, to), true);
            store(candidates);
            jdbc.update("UPDATE duplicate_scan SET next_id = ?, done = LEAST(total, done + ?) WHERE id = 1", to, ids.size());
        });
        return state();
    }

    /**
     * The leads changed since the watermark, their pairs computed again (a pair no longer alike
     * goes, unless dismissed). The watermark never passes this node's "now" (a lead stamped in the
     * future waits for its time), and each run reads again the last {@link #OVERLAP} before it, so
     * that a change another node stamped a little behind this one's clock is not missed.
     */
    private void changedSince(Instant watermark, Instant until) {
        Instant mark = watermark.minus(OVERLAP);
        Instant now = clock.instant();
        while (Instant.now().isBefore(until)) {
            List<Object[]> changed = jdbc.query("SELECT id, updated_at FROM leads WHERE updated_at > ? AND updated_at <= ? "
                    + "ORDER BY updated_at LIMIT 1000", (rs, i) -> new Object[] {rs.getLong(1),
                    rs.getObject(2, LocalDateTime.class)}, Utc.of(mark), Utc.of(now));
            if (changed.isEmpty()) {
                return;
            }
            List<Long> ids = changed.stream().map(r -> (Long) r[0]).toList();
            Instant newest = ((LocalDateTime) changed.getLast()[1]).toInstant(java.time.ZoneOffset.UTC);
            transaction.executeWithoutResult(tx -> {
                String in = marks(ids.size());
                Object[] twice = new Object[ids.size() * 2];
                for (int i = 0; i < ids.size(); i++) {
                    twice[i] = ids.get(i);
                    twice[ids.size() + i] = ids.get(i);
                }
                jdbc.update("DELETE FROM duplicate_pair WHERE dismissed_at IS NULL AND (lead_a IN " + in + " OR lead_b IN "
                        + in + ")", twice);
                store(candidates("a.id IN " + in, new ArrayList<>(ids), false));
                jdbc.update("UPDATE duplicate_scan SET watermark = GREATEST(COALESCE(watermark, ?), ?) WHERE id = 1",
                        Utc.of(newest), Utc.of(newest));
            });
            if (changed.size() < 1000) {
                return;
            }
            // leads changed in the same microsecond as the last one read are read again next time: harmless
            mark = newest.equals(mark) ? newest.plusNanos(1000) : newest;
        }
    }

    /**
     * Pairs of lead ids (the lead of {@code where} first) that share a key: the same e-mail key, a
     * phone not shared by more than {@link #SHARED_PHONE} leads, or the same name at the same company.
     */
    private List<long[]> candidates(String where, List<Object> args, boolean olderOnly) {
        String other = olderOnly ? " AND b.id < a.id" : " AND b.id <> a.id";
        List<Object> twice = new ArrayList<>(args);
        twice.addAll(args);
        List<long[]> found = new ArrayList<>(jdbc.query("SELECT a.id, b.id FROM leads a JOIN leads b ON b.email_key = a.email_key"
                + other + " WHERE " + where + " AND a.email_key IS NOT NULL UNION SELECT a.id, b.id FROM leads a JOIN leads b "
                + "ON b.name_key = a.name_key AND b.company_key = a.company_key" + other + " WHERE " + where
                + " AND a.company_key IS NOT NULL", (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, twice.toArray()));
        // phones: only those not shared by a switchboard's many leads (counted on the phone index first)
        List<String> phones = jdbc.queryForList("SELECT DISTINCT a.phone FROM leads a WHERE " + where
                + " AND a.phone IS NOT NULL", String.class, args.toArray());
        List<String> personal = new ArrayList<>();
        for (int i = 0; i < phones.size(); i += 1000) {
            List<String> chunk = phones.subList(i, Math.min(phones.size(), i + 1000));
            List<Object> countArgs = new ArrayList<>(chunk);
            countArgs.add(SHARED_PHONE);
            personal.addAll(jdbc.queryForList("SELECT phone FROM leads WHERE phone IN " + marks(chunk.size())
                    + " GROUP BY phone HAVING COUNT(*) BETWEEN 2 AND ?", String.class, countArgs.toArray()));
        }
        for (int i = 0; i < personal.size(); i += 1000) {
            List<String> chunk = personal.subList(i, Math.min(personal.size(), i + 1000));
            List<Object> phoneArgs = new ArrayList<>(args);
            phoneArgs.addAll(chunk);
            found.addAll(jdbc.query("SELECT a.id, b.id FROM leads a JOIN leads b ON b.phone = a.phone" + other
                    + " WHERE " + where + " AND a.phone IN " + marks(chunk.size()),
                    (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}, phoneArgs.toArray()));
        }
        return found;
    }

    /** Decides each candidate pair by the rule and keeps the certain ones (a dismissed pair stays dismissed). */
    private void store(List<long[]> candidates) {
        if (candidates.isEmpty()) {
            return;
        }
        Set<Long> ids = new HashSet<>();
        candidates.forEach(c -> {
            ids.add(c[0]);
            ids.add(c[1]);
        });
        Map<Long, DuplicateRule.Person> people = new HashMap<>();
        for (List<Long> chunk : chunks(List.copyOf(ids))) {
            jdbc.query("SELECT id, first_name, last_name, email_key, phone, company_key FROM leads WHERE id IN "
                    + marks(chunk.size()), rs -> {
                people.put(rs.getLong(1), new DuplicateRule.Person(rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)));
            }, chunk.toArray());
        }
        Map<List<Long>, Set<DuplicateRule.Match>> pairs = new LinkedHashMap<>();
        for (long[] c : candidates) {
            List<Long> key = List.of(Math.min(c[0], c[1]), Math.max(c[0], c[1]));
            if (pairs.containsKey(key)) {
                continue;
            }
            DuplicateRule.Person a = people.get(key.get(0));
            DuplicateRule.Person b = people.get(key.get(1));
            if (a != null && b != null) {
                Set<DuplicateRule.Match> matches = DuplicateRule.compare(a, b);
                if (DuplicateRule.certain(matches)) {
                    pairs.put(key, matches);
                }
            }
        }
        LocalDateTime now = Utc.of(clock.instant());
        List<Object[]> rows = pairs.entrySet().stream().map(e -> new Object[] {e.getKey().get(0), e.getKey().get(1),
                stored(e.getValue()), confidence(e.getValue()), now}).toList();
        jdbc.batchUpdate("INSERT INTO duplicate_pair (lead_a, lead_b, matches, confidence, found_at) VALUES (?, ?, ?, ?, ?) "
                + "ON DUPLICATE KEY UPDATE matches = VALUES(matches), confidence = VALUES(confidence)", rows);
    }

    /** How sure the rule is, in percent: the same mailbox most, several keys at once more than one. */
    static int confidence(Set<DuplicateRule.Match> matches) {
        int best = 0;
        for (DuplicateRule.Match m : matches) {
            best = Math.max(best, switch (m) {
                case EMAIL -> 99;
                case PHONE_AND_NAME -> 93;
                case NAME_AND_COMPANY -> 90;
                default -> 0;
            });
        }
        long certain = matches.stream().filter(DuplicateRule.Match::certain).count();
        return Math.min(99, best + (certain > 1 ? 6 : 0));
    }

    static String stored(Set<DuplicateRule.Match> matches) {
        return matches.stream().filter(DuplicateRule.Match::certain).map(Enum::name).sorted()
                .collect(Collectors.joining(","));
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + 1000)));
        }
        return chunks;
    }

    private static String marks(int n) {
        return "(" + String.join(",", Collections.nCopies(n, "?")) + ")";
    }

    private static @org.jspecify.annotations.Nullable Instant instant(@org.jspecify.annotations.Nullable LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(java.time.ZoneOffset.UTC);
    }
}
