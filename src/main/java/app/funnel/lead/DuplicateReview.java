package app.funnel.lead;

import app.funnel.base.RefusedException;
import app.funnel.base.Utc;
import app.funnel.security.CurrentUser;
import app.funnel.security.Roles;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The duplicate review: the groups of stored leads the background scan ({@link DuplicateScan})
 * found to be one person, newest first, with why and how sure; merging a group into the lead the
 * rule chooses (the most advanced status, then the most recent change), dismissing a group so that
 * its pairs never come back, merging all the certain groups at once; and the suspect leads not yet
 * disqualified. Marketing and leadership review; merging takes the rights of {@link LeadService#merge}.
 */
@Service
public class DuplicateReview {

    /** Groups whose every pair is at least this sure are merged by "merge all certain". */
    public static final int CERTAIN = 95;
    /** The newest open pairs read to build the groups of the page. */
    static final int PAIRS_READ = 5_000;

    /** A lead of a group, as the review shows it. */
    public record Member(long id, String firstName, String lastName, @Nullable String email, @Nullable String phone,
                         @Nullable String company, LeadStatus status, long version, Instant updatedAt) {
    }

    /** Leads that are one person: the survivor the rule chooses first, the reasons, and the lowest confidence of its pairs. */
    public record Group(List<Member> members, Set<DuplicateRule.Match> matches, int confidence) {
        public Member survivor() {
            return members.getFirst();
        }

        public boolean certain() {
            return confidence >= CERTAIN;
        }
    }

    /** How far the scan is. */
    public record Progress(boolean running, long done, long total, @Nullable Instant startedAt,
                           @Nullable Instant finishedAt) {
        public double fraction() {
            return total == 0 ? (running ? 0 : 1) : Math.min(1, (double) done / total);
        }
    }

    /** What merging several groups did. */
    public record Merged(int groups, int leads, int refused) {
    }

    /** A suspect lead not yet disqualified. */
    public record Suspect(long id, String firstName, String lastName, @Nullable String email, @Nullable String phone,
                          LeadStatus status, Set<SuspectReason> reasons, Instant createdAt) {
    }

    private final JdbcTemplate jdbc;
    private final DuplicateScan scan;
    private final LeadService leads;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final org.springframework.scheduling.TaskScheduler scheduler;

    DuplicateReview(JdbcTemplate jdbc, DuplicateScan scan, LeadService leads, TransactionTemplate transaction,
                    Clock clock, org.springframework.scheduling.TaskScheduler scheduler) {
        this.scheduler = scheduler;
        this.jdbc = jdbc;
        this.scan = scan;
        this.leads = leads;
        this.transaction = transaction;
        this.clock = clock;
    }

    @PreAuthorize(Roles.HAS_FUNNEL)
    public Progress progress() {
        DuplicateScan.State s = scan.state();
        return new Progress(s.running(), s.done(), s.total(), s.startedAt(), s.finishedAt());
    }

    /**
     * Starts a scan of every stored lead in the background (one running starts over): its first
     * run now, then on the schedule until it ends.
     */
    @PreAuthorize(Roles.HAS_FUNNEL)
    public void startScan() {
        scan.start(CurrentUser.require().username());
        // through the bean, so that the run holds the job's lock as a scheduled one does
        scheduler.schedule(scan::scheduled, clock.instant());
    }

    /** The groups of the newest open pairs, newest group first. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_FUNNEL)
    public List<Group> groups() {
        List<Object[]> pairs = jdbc.query("SELECT lead_a, lead_b, matches, confidence FROM duplicate_pair "
                        + "WHERE dismissed_at IS NULL ORDER BY lead_b DESC LIMIT " + PAIRS_READ,
                (rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4)});
        // one person: every lead linked to another by a certain pair (union-find)
        Map<Long, Long> parent = new HashMap<>();
        for (Object[] p : pairs) {
            union(parent, (Long) p[0], (Long) p[1]);
        }
        Map<Long, List<Object[]>> byRoot = new LinkedHashMap<>();
        for (Object[] p : pairs) {
            byRoot.computeIfAbsent(find(parent, (Long) p[0]), k -> new ArrayList<>()).add(p);
        }
        Map<Long, Member> members = members(parent.keySet());
        List<Group> groups = new ArrayList<>();
        for (List<Object[]> groupPairs : byRoot.values()) {
            Set<Long> ids = new java.util.LinkedHashSet<>();
            Set<DuplicateRule.Match> matches = EnumSet.noneOf(DuplicateRule.Match.class);
            int confidence = 100;
            for (Object[] p : groupPairs) {
                ids.add((Long) p[0]);
                ids.add((Long) p[1]);
                for (String m : ((String) p[2]).split(",")) {
                    matches.add(DuplicateRule.Match.valueOf(m));
                }
                confidence = Math.min(confidence, (Integer) p[3]);
            }
            List<Member> list = ids.stream().map(members::get).filter(java.util.Objects::nonNull)
                    .sorted(SURVIVOR_FIRST).toList();
            if (list.size() > 1) {
                groups.add(new Group(list, matches, confidence));
            }
        }
        groups.sort(Comparator.comparing((Group g) -> g.members().stream().mapToLong(Member::id).max().orElse(0))
                .reversed());
        return groups;
    }

    /** The survivor first: the most advanced status, then the most recent change, then the oldest lead. */
    static final Comparator<Member> SURVIVOR_FIRST = Comparator
            .comparing((Member m) -> m.status().step().ordinal()).reversed()
            .thenComparing(Member::updatedAt, Comparator.reverseOrder())
            .thenComparing(Member::id);

    /**
     * Merges the group's other leads into its survivor, in one transaction: all or none.
     *
     * @throws RefusedException (or the merge's own refusals) when one of them may not be merged by this user
     */
    @PreAuthorize(Roles.HAS_MARKETING_OR_SALES)
    public LeadDetails merge(List<Long> groupIds) {
        return java.util.Objects.requireNonNull(transaction.execute(tx -> {
            List<Member> members = members(groupIds).values().stream().sorted(SURVIVOR_FIRST).toList();
            if (members.size() < 2) {
                throw new RefusedException("refused.duplicates-gone");
            }
            Member survivor = members.getFirst();
            long version = survivor.version();
            LeadDetails merged = null;
            for (Member other : members.subList(1, members.size())) {
                merged = leads.merge(survivor.id(), version, other.id(), other.version());
                version = merged.version();
            }
            return merged;
        }));
    }

    /** Merges every group whose pairs are all certain ({@link #CERTAIN}); a group refused is left as it is. */
    @PreAuthorize(Roles.HAS_MARKETING_OR_SALES)
    public Merged mergeAllCertain() {
        int groups = 0;
        int merged = 0;
        int refused = 0;
        for (Group group : groups()) {
            if (!group.certain()) {
                continue;
            }
            try {
                merge(group.members().stream().map(Member::id).toList());
                groups++;
                merged += group.members().size() - 1;
            } catch (RuntimeException e) {
                refused++;
            }
        }
        return new Merged(groups, merged, refused);
    }

    /** Not one person: the group's pairs are dismissed and never come back (a rescan keeps them dismissed). */
    @Transactional
    @PreAuthorize(Roles.HAS_FUNNEL)
    public int dismiss(List<Long> groupIds) {
        if (groupIds.isEmpty()) {
            return 0;
        }
        String in = InLists.marks(groupIds.size());
        List<Object> args = new ArrayList<>(List.of(Utc.of(clock.instant()), CurrentUser.require().username()));
        args.addAll(groupIds);
        args.addAll(groupIds);
        return jdbc.update("UPDATE duplicate_pair SET dismissed_at = ?, dismissed_by = ? WHERE dismissed_at IS NULL "
                + "AND lead_a IN " + in + " AND lead_b IN " + in, args.toArray());
    }

    /** How many suspect leads are not disqualified (nor converted). */
    @PreAuthorize(Roles.HAS_FUNNEL)
    public long suspectCount() {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM leads WHERE suspect_reasons IS NOT NULL AND status NOT IN "
                + "('DISQUALIFIED', 'CONVERTED')", Long.class);
        return n == null ? 0 : n;
    }

    /** The suspect leads not disqualified, newest first. */
    @PreAuthorize(Roles.HAS_FUNNEL)
    public List<Suspect> suspects(int offset, int limit) {
        return jdbc.query("SELECT id, first_name, last_name, email, phone, status, suspect_reasons, created_at FROM leads "
                + "WHERE suspect_reasons IS NOT NULL AND status NOT IN ('DISQUALIFIED', 'CONVERTED') ORDER BY id DESC "
                + "LIMIT ? OFFSET ?", (rs, i) -> new Suspect(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), LeadStatus.valueOf(rs.getString(6)), SuspectReason.of(rs.getString(7)),
                rs.getObject(8, LocalDateTime.class).toInstant(java.time.ZoneOffset.UTC)), limit, offset);
    }

    /** The ids of the suspect leads not disqualified, newest first, at most the limit (for "all N"). */
    @PreAuthorize(Roles.HAS_FUNNEL)
    public List<Long> suspectIds(int limit) {
        return jdbc.queryForList("SELECT id FROM leads WHERE suspect_reasons IS NOT NULL AND status NOT IN "
                + "('DISQUALIFIED', 'CONVERTED') ORDER BY id DESC LIMIT ?", Long.class, limit);
    }

    private Map<Long, Member> members(java.util.Collection<Long> ids) {
        Map<Long, Member> found = new HashMap<>();
        List<Long> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += 1000) {
            List<Long> chunk = all.subList(i, Math.min(all.size(), i + 1000));
            jdbc.query("SELECT id, first_name, last_name, email, phone, company, status, version, updated_at FROM leads "
                    + "WHERE id IN " + InLists.marks(chunk.size()), rs -> {
                found.put(rs.getLong(1), new Member(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), LeadStatus.valueOf(rs.getString(7)), rs.getLong(8),
                        rs.getObject(9, LocalDateTime.class).toInstant(java.time.ZoneOffset.UTC)));
            }, chunk.toArray());
        }
        return found;
    }

    private static void union(Map<Long, Long> parent, long a, long b) {
        long ra = find(parent, a);
        long rb = find(parent, b);
        if (ra != rb) {
            parent.put(Math.max(ra, rb), Math.min(ra, rb));
        }
    }

    private static long find(Map<Long, Long> parent, long x) {
        parent.putIfAbsent(x, x);
        long root = x;
        while (parent.get(root) != root) {
            root = parent.get(root);
        }
        // path halving keeps later finds short
        long node = x;
        while (parent.get(node) != root) {
            long next = parent.get(node);
            parent.put(node, root);
            node = next;
        }
        return root;
    }

}
