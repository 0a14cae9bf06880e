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
 * {@code duplicate_pair}, each lead linked to its oldest same-person lead (a pair someone dismissed
 * is passed over). A full scan walks every lead by id, a chunk per transaction, each chunk's
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
        return state("");
    }

    /** The scan's row; {@code FOR UPDATE} holds it for the transaction, so that two workers take turns. */
    private State state(String lock) {
        return jdbc.queryForObject("SELECT started_at, finished_at, next_id, last_id, total, done, watermark "
                + "FROM duplicate_scan WHERE id = 1" + lock, (rs, i) -> new State(instant(rs.getObject(1, LocalDateTime.class)),
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
    @SchedulerLock(name = "duplicate-scan", lockAtMostFor = "PT1M") // a run takes about 20 s: a dead node's lock frees soon
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

    /**
     * One chunk of the full scan in one transaction: its pairs and the new position together. The
     * scan's row is locked first and read again, so that a second worker (a click on "scan" while
     * the schedule runs, another node) waits and then takes the next chunk, not the same one.
     */
    private State fullChunk(State seen) {
        transaction.executeWithoutResult(tx -> {
            State state = state(" FOR UPDATE");
            if (!state.running()) {
                return;
            }
            long from = state.nextId();
            List<Keyed> ids = jdbc.query(KEYED + "WHERE id > ? AND id <= ? ORDER BY id LIMIT " + chunk,
                    (rs, i) -> keyed(rs, i), from, state.lastId());
            if (ids.isEmpty()) {
                jdbc.update("UPDATE duplicate_scan SET finished_at = ?, next_id = last_id, done = total WHERE id = 1",
                        Utc.of(clock.instant()));
                return;
            }
            long to = ids.getLast().id();
            long t0 = System.nanoTime();
            Set<List<Long>> dismissed = new HashSet<>(jdbc.query("SELECT lead_a, lead_b FROM duplicate_pair WHERE "
                    + "dismissed_at IS NOT NULL AND (lead_b > ? AND lead_b <= ? OR lead_a > ? AND lead_a <= ?)",
                    (rs, i) -> List.of(rs.getLong(1), rs.getLong(2)), from, to, from, to));
            Map<List<Long>, Set<DuplicateRule.Match>> found = pairs(ids, true, dismissed);
            // a lead's link is (its oldest same-person lead, the lead): the chunk's links are made anew
            jdbc.update("DELETE FROM duplicate_pair WHERE dismissed_at IS NULL AND lead_b > ? AND lead_b <= ?", from, to);
            long t1 = System.nanoTime();
            store(found);
            long t2 = System.nanoTime();
            if (log.isDebugEnabled()) {
                log.debug("Duplicate scan: {} leads up to #{} in {} ms (keys and rule {} ms, {} pairs stored in {} ms)",
                        ids.size(), to, (t2 - t0) / 1_000_000, (t1 - t0) / 1_000_000, found.size(), (t2 - t1) / 1_000_000);
            }
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
                state(" FOR UPDATE"); // one worker at a time, as for the full scan
                String in = InLists.marks(ids.size());
                Object[] twice = new Object[ids.size() * 2];
                for (int i = 0; i < ids.size(); i++) {
                    twice[i] = ids.get(i);
                    twice[ids.size() + i] = ids.get(i);
                }
                // the leads linked to a changed one are linked again too (their link may be the one that goes)
                Set<Long> again = new java.util.LinkedHashSet<>(ids);
                again.addAll(jdbc.queryForList("SELECT lead_b FROM duplicate_pair WHERE dismissed_at IS NULL AND lead_a IN "
                        + in, Long.class, ids.toArray()));
                jdbc.update("DELETE FROM duplicate_pair WHERE dismissed_at IS NULL AND (lead_a IN " + in + " OR lead_b IN "
                        + in + ")", twice);
                List<Keyed> recheck = new ArrayList<>();
                for (List<Long> chunk : InLists.chunks(List.copyOf(again))) {
                    recheck.addAll(jdbc.query(KEYED + "WHERE id IN " + InLists.marks(chunk.size()), (rs, i) -> keyed(rs, i),
                            chunk.toArray()));
                }
                Set<Long> all = new java.util.LinkedHashSet<>(again);
                Set<List<Long>> dismissed = new HashSet<>();
                for (List<Long> chunk : InLists.chunks(List.copyOf(all))) {
                    Object[] both = new Object[chunk.size() * 2];
                    for (int i = 0; i < chunk.size(); i++) {
                        both[i] = chunk.get(i);
                        both[chunk.size() + i] = chunk.get(i);
                    }
                    dismissed.addAll(jdbc.query("SELECT lead_a, lead_b FROM duplicate_pair WHERE dismissed_at IS NOT NULL "
                            + "AND (lead_a IN " + InLists.marks(chunk.size()) + " OR lead_b IN " + InLists.marks(chunk.size()) + ")",
                            (rs, i) -> List.of(rs.getLong(1), rs.getLong(2)), both));
                }
                store(pairs(recheck, false, dismissed));
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

    /** A lead as the rule reads it, with the keys its candidates are looked up by. */
    private record Keyed(long id, DuplicateRule.Prepared prepared, String nameKey) {
        DuplicateRule.Person person() {
            return prepared.person();
        }
    }

    private static final String KEYED = "SELECT id, first_name, last_name, email_key, phone, company_key, name_key FROM leads ";

    private static Keyed keyed(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Keyed(rs.getLong(1), DuplicateRule.prepare(new DuplicateRule.Person(rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6))), rs.getString(7));
    }

    /**
     * The certain pairs of these leads, by the rule, among the leads that share a key with them: the
     * same e-mail key, the same name at the same company key, or a phone not shared by more than
     * {@link #SHARED_PHONE} leads. Each key is looked up once on its index, in lists of a thousand;
     * with {@code olderOnly}, a lead is paired only with older ones (the full scan meets each pair once).
     */
    private Map<List<Long>, Set<DuplicateRule.Match>> pairs(List<Keyed> leads, boolean olderOnly,
                                                            Set<List<Long>> dismissed) {
        long start = System.nanoTime();
        Set<String> emails = new HashSet<>();
        Set<List<String>> names = new HashSet<>();
        Set<String> phones = new HashSet<>();
        for (Keyed lead : leads) {
            if (lead.person().emailKey() != null) {
                emails.add(lead.person().emailKey());
            }
            if (lead.person().companyKey() != null) {
                names.add(List.of(lead.nameKey(), lead.person().companyKey()));
            }
            if (lead.person().phone() != null) {
                phones.add(lead.person().phone());
            }
        }
        Map<String, List<Keyed>> byEmail = new HashMap<>();
        for (List<String> chunk : InLists.chunks(List.copyOf(emails))) {
            jdbc.query(KEYED + "WHERE email_key IN " + InLists.marks(chunk.size()), (rs, i) -> keyed(rs, i), chunk.toArray())
                    .forEach(k -> byEmail.computeIfAbsent(k.person().emailKey(), x -> new ArrayList<>()).add(k));
        }
        Map<List<String>, List<Keyed>> byName = new HashMap<>();
        for (List<List<String>> chunk : InLists.chunks(List.copyOf(names))) {
            String pairs = "(" + String.join(",", Collections.nCopies(chunk.size(), "(?, ?)")) + ")";
            jdbc.query(KEYED + "WHERE (name_key, company_key) IN " + pairs, (rs, i) -> keyed(rs, i),
                            chunk.stream().flatMap(List::stream).toArray())
                    .forEach(k -> byName.computeIfAbsent(List.of(k.nameKey(), k.person().companyKey()),
                            x -> new ArrayList<>()).add(k));
        }
        Map<String, List<Keyed>> byPhone = new HashMap<>();
        for (List<String> chunk : InLists.chunks(List.copyOf(phones))) {
            List<Object> args = new ArrayList<>(chunk);
            args.add(SHARED_PHONE);
            List<String> personal = jdbc.queryForList("SELECT phone FROM leads WHERE phone IN " + InLists.marks(chunk.size())
                    + " GROUP BY phone HAVING COUNT(*) BETWEEN 2 AND ?", String.class, args.toArray());
            if (!personal.isEmpty()) {
                jdbc.query(KEYED + "WHERE phone IN " + InLists.marks(personal.size()), (rs, i) -> keyed(rs, i), personal.toArray())
                        .forEach(k -> byPhone.computeIfAbsent(k.person().phone(), x -> new ArrayList<>()).add(k));
            }
        }
        long read = System.nanoTime();
        // each lead is linked to one other: the oldest that is the same person by the rule. A group of n
        // leads is then n - 1 pairs (its leads linked through the group's oldest), not n² / 2, and a
        // scan again links the same pairs (so that a dismissed one stays dismissed)
        Map<List<Long>, Set<DuplicateRule.Match>> pairs = new LinkedHashMap<>();
        int compared = 0;
        for (Keyed lead : leads) {
            java.util.TreeMap<Long, Keyed> candidates = new java.util.TreeMap<>();
            for (Keyed other : byEmail.getOrDefault(lead.person().emailKey(), List.of())) {
                candidates.put(other.id(), other);
            }
            if (lead.person().companyKey() != null) {
                for (Keyed other : byName.getOrDefault(List.of(lead.nameKey(), lead.person().companyKey()), List.of())) {
                    candidates.put(other.id(), other);
                }
            }
            for (Keyed other : byPhone.getOrDefault(lead.person().phone(), List.of())) {
                candidates.put(other.id(), other);
            }
            for (Keyed other : candidates.values()) {
                if (other.id() == lead.id() || olderOnly && other.id() > lead.id()) {
                    continue;
                }
                List<Long> pair = List.of(Math.min(lead.id(), other.id()), Math.max(lead.id(), other.id()));
                if (dismissed.contains(pair)) {
                    continue; // not the same person, someone said: the next oldest, if any
                }
                compared++;
                Set<DuplicateRule.Match> matches = DuplicateRule.compare(lead.prepared(), other.prepared(), false);
                if (DuplicateRule.certain(matches)) {
                    pairs.put(pair, matches);
                    break;
                }
            }
        }
        if (log.isDebugEnabled()) {
            log.debug("Duplicate scan: keys of {} leads read in {} ms ({} by e-mail, {} by name, {} by phone), {} "
                    + "compared in {} ms", leads.size(), (read - start) / 1_000_000, byEmail.size(), byName.size(),
                    byPhone.size(), compared, (System.nanoTime() - read) / 1_000_000);
        }
        return pairs;
    }

    /** Keeps the pairs (a dismissed pair stays dismissed). */
    private void store(Map<List<Long>, Set<DuplicateRule.Match>> pairs) {
        if (pairs.isEmpty()) {
            return;
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

    private static @org.jspecify.annotations.Nullable Instant instant(@org.jspecify.annotations.Nullable LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(java.time.ZoneOffset.UTC);
    }
}
