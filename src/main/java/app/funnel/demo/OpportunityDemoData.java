package app.funnel.demo;

import app.funnel.opportunity.Stage;
import app.funnel.opportunity.LostReason;
import app.funnel.base.Utc;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The seed's deal (servers for IBM's new data center, about US$30 million, needed within a year,
 * bought by the VP's data-center team) and a deal for every other converted demo lead: accounts by
 * company, the lead as the buyer contact, a stage mix that follows the deal's age (older deals are
 * mostly won or lost, with reasons), and a history row per stage consistent with the stage; deals
 * that reached QUOTE have its criteria confirmed.
 */
@Component
class OpportunityDemoData implements DemoDataContributor {

    private static final Logger log = LoggerFactory.getLogger(OpportunityDemoData.class);
    private static final Stage[] OPEN = {Stage.QUALIFICATION, Stage.PROPOSAL, Stage.QUOTE, Stage.NEGOTIATION};
    private static final String[] LOST_NOTES = {"Chose a cheaper offer", "Budget moved to next year",
            "Went with the incumbent", "No decision after three follow-ups", "Project put on hold"};

    private final Clock clock;
    private final app.funnel.statistics.TallyRebuilds tallies;

    OpportunityDemoData(Clock clock, app.funnel.statistics.TallyRebuilds tallies) {
        this.clock = clock;
        this.tallies = tallies;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public void contribute(DemoContext context) {
        long started = System.nanoTime();
        var jdbc = context.jdbc();
        Map<String, Integer> probability = new HashMap<>();
        jdbc.query("SELECT term, probability FROM definition_entry WHERE version_number = 1", rs -> {
            probability.put(rs.getString(1), rs.getObject(2) == null ? 0 : rs.getInt(2));
        });
        List<String> quoteCodes = jdbc.queryForList(
                "SELECT code FROM definition_criterion WHERE version_number = 1 AND term = 'QUOTE'", String.class);
        Map<Long, String> usernames = new HashMap<>();
        jdbc.query("SELECT id, username FROM app_user", rs -> {
            usernames.put(rs.getLong(1), rs.getString(2));
        });
        record Converted(long id, String first, String last, String email, String phone, String title,
                         String company, String companyKey, String country, long owner, Instant at) {
        }
        List<Converted> converted = jdbc.query("""
                SELECT l.id, l.first_name, l.last_name, l.email, l.phone, l.job_title, l.company, l.company_key,
                       l.country, l.owner_id, COALESCE(MAX(s.changed_at), l.updated_at)
                FROM leads l LEFT JOIN stage_change s
                  ON s.record_type = 'LEAD' AND s.record_id = l.id AND s.to_stage = 'CONVERTED'
                WHERE l.status = 'CONVERTED' AND l.opportunity_id IS NULL
                GROUP BY l.id ORDER BY l.id""", (rs, i) -> new Converted(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7) == null ? rs.getString(2) + " " + rs.getString(3) : rs.getString(7),
                rs.getString(8) == null ? (rs.getString(2) + " " + rs.getString(3)).toLowerCase() : rs.getString(8),
                rs.getString(9), rs.getLong(10), Utc.readRequired(rs, 11)));
        long accountId = next(context, "account");
        long contactId = next(context, "contact");
        long opportunityId = next(context, "opportunity");
        Map<String, Long> accounts = new HashMap<>();
        List<Object[]> accountRows = new ArrayList<>();
        List<Object[]> contactRows = new ArrayList<>();
        List<Object[]> dealRows = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        List<Object[]> confirmations = new ArrayList<>();
        Instant now = clock.instant();
        SplittableRandom random = new SplittableRandom(11);
        for (Converted lead : converted) {
            boolean story = "priya.raman@ibm.com".equals(lead.email());
            Long account = accounts.get(lead.companyKey());
            if (account == null) {
                account = accountId++;
                accounts.put(lead.companyKey(), account);
                String domain = lead.email() == null ? null : lead.email().substring(lead.email().indexOf('@') + 1);
                // an account's key is its plain name, as a conversion looks it up (not the lead's company key)
                accountRows.add(new Object[] {account, lead.company(), app.funnel.lead.ContactCheck.plain(lead.company()),
                        domain != null && domain.contains("gmail") ? null : domain, ts(lead.at()), "demo", 0});
            }
            long contact = contactId++;
            contactRows.add(new Object[] {contact, account, lead.first(), lead.last(), lead.email(), lead.phone(),
                    lead.title(), lead.id(), ts(lead.at()), 0});
            long deal = opportunityId++;
            long ageDays = Duration.between(lead.at(), now).toDays();
            // where the deal stands: old deals are mostly closed, recent ones still open
            Stage stage;
            int reached;
            if (story) {
                stage = Stage.PROPOSAL;
                reached = 1;
            } else if (ageDays > 120 && random.nextInt(100) < 96) {
                boolean won = random.nextInt(100) < 40;
                reached = won ? 3 : random.nextInt(4);
                stage = won ? Stage.CLOSED_WON : Stage.CLOSED_LOST;
            } else {
                reached = Math.min(3, (int) Math.min(ageDays / 20, random.nextInt(4)));
                stage = OPEN[reached];
            }
            BigDecimal amount = story ? new BigDecimal("30000000.00")
                    : BigDecimal.valueOf((5 + random.nextInt(400)) * 500L).setScale(2);
            String currency = story ? "USD" : switch (lead.country() == null ? "" : lead.country()) {
                case "BR" -> "BRL";
                case "PT", "DE", "ES", "FR" -> "EUR";
                case "GB" -> "GBP";
                default -> "USD";
            };
            // open deals close ahead (a few are late); closed ones closed around their last change
            LocalDate close = story ? LocalDate.now(clock).plusMonths(11)
                    : stage.isOpen() ? LocalDate.now(clock).plusDays(random.nextInt(100) < 8 ? -random.nextInt(20)
                            : 5 + random.nextInt(200))
                    : LocalDate.ofInstant(lead.at(), clock.getZone()).plusDays(30 + random.nextInt(150));
            String by = usernames.getOrDefault(lead.owner(), "sales");
            // stage changes spread from the conversion to the last one, which for open deals is recent
            long spanHours = Math.max(1, Duration.between(lead.at(), now).toHours());
            if (stage.isOpen() && !story) {
                spanHours = Math.max(1, spanHours - 24L * random.nextInt(30));
            }
            long gapHours = Math.max(1, spanHours / Math.max(1, reached + (stage.isOpen() ? 0 : 1)) - 1);
            Instant at = lead.at();
            String from = null;
            for (int s = 0; s <= reached; s++) {
                history.add(new Object[] {Stage.LIFECYCLE.recordType(), deal, from, OPEN[s].name(), by, ts(at), null, 1, amount,
                        probability.getOrDefault(OPEN[s].name(), 10)});
                from = OPEN[s].name();
                if (s == 2 || stage == Stage.CLOSED_WON && s == reached) {
                    for (String code : quoteCodes) {
                        confirmations.add(new Object[] {"OPPORTUNITY", deal, code, by, ts(at.minusSeconds(60)), 1});
                    }
                }
                if (s < reached || !stage.isOpen()) {
                    at = at.plus(Duration.ofHours(Math.max(1, gapHours * (70 + random.nextInt(31)) / 100)));
                }
            }
            LostReason lostReason = null;
            String lostNote = null;
            int finalProbability = probability.getOrDefault(stage.name(), 10);
            if (!stage.isOpen()) {
                if (stage == Stage.CLOSED_LOST) {
                    lostReason = LostReason.values()[random.nextInt(LostReason.values().length)];
                    lostNote = LOST_NOTES[random.nextInt(LOST_NOTES.length)];
                }
                finalProbability = stage == Stage.CLOSED_WON ? 100 : 0;
                history.add(new Object[] {Stage.LIFECYCLE.recordType(), deal, from, stage.name(), by, ts(at),
                        lostReason == null ? null : lostReason.name() + ": " + lostNote, 1, amount, finalProbability});
            }
            String name = story ? "Servers for the new IBM data center" : lead.company() + " – "
                    + (random.nextBoolean() ? "platform licences" : "servers and support");
            dealRows.add(new Object[] {deal, name, account, contact, lead.id(), lead.owner(), amount, currency,
                    java.sql.Date.valueOf(close), stage.name(), finalProbability,
                    lostReason == null ? null : lostReason.name(), lostNote, ts(at), ts(lead.at()), ts(at), by, 0});
        }
        context.bulkLoad("account", List.of("id", "name", "name_key", "domain", "created_at", "created_by", "version"),
                accountRows);
        context.bulkLoad("contact", List.of("id", "account_id", "first_name", "last_name", "email", "phone",
                "job_title", "lead_id", "created_at", "version"), contactRows);
        context.bulkLoad("opportunity", List.of("id", "name", "account_id", "contact_id", "lead_id", "owner_id",
                "amount", "currency", "expected_close", "stage", "probability", "lost_reason", "lost_note",
                "stage_changed_at", "created_at", "updated_at", "updated_by", "version"), dealRows);
        context.bulkLoad("stage_change", List.of("record_type", "record_id", "from_stage", "to_stage", "changed_by",
                "changed_at", "reason", "definition_version", "amount", "probability"), history);
        context.bulkLoad("criterion_confirmation", List.of("record_type", "record_id", "code", "confirmed_by",
                "confirmed_at", "version_number"), confirmations);
        context.jdbc().update("UPDATE leads l JOIN opportunity o ON o.lead_id = l.id SET l.opportunity_id = o.id "
                + "WHERE l.opportunity_id IS NULL");
        context.jdbc().update("UPDATE opportunity o JOIN leads l ON l.id = o.lead_id SET o.source = l.source "
                + "WHERE o.source IS NULL");
        // the converted leads reach their deals' furthest steps (the lead's own reach is set last, from its history)
        context.jdbc().update("UPDATE leads l JOIN (SELECT o.lead_id, MAX(" + Stage.LIFECYCLE.stepCodeSql("s.to_stage")
                + ") AS r FROM opportunity o JOIN stage_change s ON s.record_type = '" + Stage.LIFECYCLE.recordType()
                + "' AND s.record_id = o.id WHERE o.lead_id IS NOT NULL GROUP BY o.lead_id) h ON h.lead_id = l.id "
                + "SET l.reach = GREATEST(l.reach, h.r)");
        tallies.deals();
        log.info("Generated {} opportunities in {} ms", dealRows.size(), (System.nanoTime() - started) / 1_000_000);
    }

    private static long next(DemoContext context, String table) {
        Long max = context.jdbc().queryForObject("SELECT COALESCE(MAX(id), 0) FROM " + table, Long.class);
        return (max == null ? 0 : max) + 1;
    }

    private static LocalDateTime ts(Instant instant) {
        return Utc.of(instant);
    }
}
