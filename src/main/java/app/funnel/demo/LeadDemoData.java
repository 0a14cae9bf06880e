package app.funnel.demo;

import app.funnel.lead.LeadStatus;
import app.funnel.lead.ContactCheck;
import app.funnel.lead.LeadSource;
import app.funnel.base.Utc;
import java.time.LocalDateTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The seed's story as demo leads: a VP at IBM interested in the newest server technology (a lead),
 * who refers the team building a new data center; plus a few leads in other statuses, one of them
 * fake-looking. The large generator for benchmarks comes with the lead grid benchmark.
 */
@Component
class LeadDemoData implements DemoDataContributor {

    private final Clock clock;

    LeadDemoData(Clock clock) {
        this.clock = clock;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public void contribute(DemoContext context) {
        Map<String, Long> users = context.jdbc().queryForList("SELECT id, username FROM app_user").stream()
                .collect(Collectors.toMap(r -> (String) r.get("username"), r -> ((Number) r.get("id")).longValue()));
        long marketing = users.get("marketing");
        long sales = users.get("sales");
        Instant now = clock.instant();
        record Demo(String first, String last, String email, String phone, String company, String title,
                    String country, LeadSource source, long owner, LeadStatus status, int daysAgo, String suspect) {
        }
        List<Demo> demo = List.of(
                new Demo("Vanessa", "Prado", "vanessa.prado@ibm.com", "+19145550134", "IBM",
                        "VP, Infrastructure", "US", LeadSource.NEWSLETTER, marketing, LeadStatus.MQL, 40, null),
                new Demo("Daniel", "Chen", "daniel.chen@ibm.com", "+19145550188", "IBM",
                        "Data Center Program Lead", "US", LeadSource.REFERRAL, sales, LeadStatus.SQL, 12, null),
                // the VP's data-center team: the buyer of the seed's deal (its opportunity comes with the opportunities)
                new Demo("Priya", "Raman", "priya.raman@ibm.com", "+19145550101", "IBM",
                        "Director, Data Center Engineering", "US", LeadSource.REFERRAL, sales, LeadStatus.CONVERTED,
                        35, null),
                new Demo("João", "Ávila", "joao.avila@exemplo.com.br", "+5511987654321", "Construtora Ávila",
                        "Diretor de TI", "BR", LeadSource.WEBSITE_FORM, marketing, LeadStatus.NEW, 2, null),
                new Demo("Mariana", "Souza", "mariana@souza.pt", "+351912345678", "Souza Logística", "CTO", "PT",
                        LeadSource.EVENT, marketing, LeadStatus.NEW, 5, null),
                new Demo("Test", "Asdf", "test@mailinator.com", null, "Test", null, null,
                        LeadSource.PURCHASED_LIST, marketing, LeadStatus.NEW, 1,
                        "PLACEHOLDER_NAME,THROWAWAY_EMAIL_DOMAIN"));
        context.batchUpdate("""
                INSERT INTO leads (first_name, last_name, email, email_key, phone, company, name_key, company_key,
                                   job_title, country, source, owner_id, status, suspect_reasons, handed_over_at,
                                   first_touch_due_at, created_at, updated_at, updated_by, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo', 0)""", demo, d -> {
            Instant created = now.minus(Duration.ofDays(d.daysAgo()));
            Instant handedOver = d.status() == LeadStatus.SQL ? now.minus(Duration.ofDays(2))
                    : d.status() == LeadStatus.CONVERTED ? created.plus(Duration.ofDays(3)) : null;
            return new Object[] {d.first(), d.last(), d.email(), ContactCheck.emailKey(d.email()), d.phone(),
                    d.company(), ContactCheck.nameKey(d.first(), d.last()), ContactCheck.companyKey(d.company()),
                    d.title(), d.country(), d.source().name(), d.owner(), d.status().name(), d.suspect(),
                    ts(handedOver), ts(handedOver == null ? null : handedOver.plus(Duration.ofHours(24))),
                    ts(created), ts(created)};
        });
        // Daniel was referred by Vanessa: the path from the first contact to the data-center deal
        context.jdbc().update("UPDATE leads SET referred_by_id = (SELECT id FROM (SELECT id FROM leads "
                + "WHERE email = 'vanessa.prado@ibm.com') v) WHERE email IN ('daniel.chen@ibm.com', 'priya.raman@ibm.com')");
        // each demo lead's history up to its status: NEW, then MQL, SQL and CONVERTED where it got that far
        context.jdbc().update("""
                INSERT INTO stage_change (record_type, record_id, from_stage, to_stage, changed_by, changed_at,
                                          definition_version)
                SELECT 'LEAD', id, NULL, 'NEW', 'marketing', created_at, 1 FROM leads""");
        String[][] steps = {{"NEW", "MQL", "marketing", "1"}, {"MQL", "SQL", "marketing", "3"},
                {"SQL", "CONVERTED", "sales", "5"}};
        List<String> reached = List.of("MQL", "SQL", "CONVERTED");
        for (int i = 0; i < steps.length; i++) {
            String[] step = steps[i];
            List<String> statuses = reached.subList(i, reached.size());
            context.jdbc().update("INSERT INTO stage_change (record_type, record_id, from_stage, to_stage, changed_by, "
                    + "changed_at, definition_version) SELECT 'LEAD', id, ?, ?, ?, created_at + INTERVAL ? DAY, 1 "
                    + "FROM leads WHERE status IN (" + String.join(", ", statuses.stream().map(x -> "?").toList())
                    + ")", concat(new Object[] {step[0], step[1], step[2], Integer.parseInt(step[3])}, statuses));
        }
    }

    private static Object[] concat(Object[] head, List<String> tail) {
        Object[] all = java.util.Arrays.copyOf(head, head.length + tail.size());
        for (int i = 0; i < tail.size(); i++) {
            all[head.length + i] = tail.get(i);
        }
        return all;
    }

    private static LocalDateTime ts(Instant instant) {
        return instant == null ? null : Utc.of(instant);
    }
}
