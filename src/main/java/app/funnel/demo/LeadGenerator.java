package app.funnel.demo;

import app.funnel.lead.SignalKind;
import app.funnel.lead.LeadStatus;
import app.funnel.lead.DisqualificationReason;
import app.funnel.lead.SuspectReason;
import app.funnel.lead.ContactCheck;
import app.funnel.lead.LeadSource;
import app.funnel.base.Utc;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.LocalDateTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import net.datafaker.Faker;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Realistic generated leads beside the seed's story: {@value #PER_SCALE} per demo scale (so the
 * normal demo has a grid worth filtering, and a benchmark at scale 500 has a million). Leads are
 * spread over 18 months with more of them lately; each lead's status follows the lifecycle with a
 * history row per step (NEW, then MQL, SQL with a handoff and usually a first touch, CONVERTED,
 * or DISQUALIFIED on the way, a few SQLs returned to marketing), so the funnel figures computed
 * from the history agree with the statuses. About 3 % are fake-looking and about 2 % are
 * duplicates of an earlier lead (same e-mail written differently, same phone, or same name at
 * the same company).
 */
@Component
class LeadGenerator implements DemoDataContributor {

    static final int PER_SCALE = 2_000;
    private static final Logger log = LoggerFactory.getLogger(LeadGenerator.class);
    private static final int CHUNK = 10_000;
    private static final Duration SPAN = Duration.ofDays(548);
    private static final String[][] COUNTRIES = {
            {"US", "en-US", "35"}, {"BR", "pt-BR", "25"}, {"PT", "pt-PT", "10"}, {"GB", "en-GB", "10"},
            {"DE", "de-DE", "8"}, {"ES", "es-ES", "7"}, {"FR", "fr-FR", "5"}};
    private static final LeadSource[] SOURCES = LeadSource.values();
    private static final int[] SOURCE_WEIGHTS = {22, 14, 12, 6, 8, 10, 6, 8, 11, 3};
    private static final String[] FREE_MAIL = {"gmail.com", "outlook.com", "yahoo.com", "hotmail.com"};
    private static final String[][] FAKES = {
            {"Test", "Test", "test@mailinator.com"}, {"Asdf", "Asdf", "asdf@example.com"},
            {"Aaaa", "Bbbb", "aaaa@guerrillamail.com"}, {"Teste", "Silva", "teste@teste.test"},
            {"Qwerty", "User", "qwerty@yopmail.com"}};
    private static final String[] RETURN_REASONS = {"No budget this year", "Not the decision maker",
            "Wrong contact, asked to call the IT director", "Only wanted a price list"};
    private static final String[] DISQUALIFY_NOTES = {"Student project", "Competitor asking for prices",
            "Company too small for our offer", "Did not answer three calls", "Already a customer"};

    private static final List<String> LEAD_COLUMNS = List.of("id", "first_name", "last_name", "email", "email_key",
            "phone", "company", "name_key", "company_key", "job_title", "country", "source", "owner_id", "status",
            "disqualification_reason", "disqualification_note", "referred_by_id", "suspect_reasons", "handed_over_at",
            "first_touch_due_at", "first_touch_at", "created_at", "updated_at", "updated_by", "version");
    private static final List<String> CHANGE_COLUMNS = List.of("record_type", "record_id", "from_stage", "to_stage",
            "changed_by", "changed_at", "reason", "definition_version");

    private final Clock clock;
    private final app.funnel.statistics.TallyRebuilds tallies;

    LeadGenerator(Clock clock, app.funnel.statistics.TallyRebuilds tallies) {
        this.clock = clock;
        this.tallies = tallies;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void contribute(DemoContext context) {
        long started = System.nanoTime();
        int total = PER_SCALE * context.scale();
        var pools = Pools.build(new SplittableRandom(7));
        Team team = Team.read(context);
        if (team.marketing.isEmpty() || team.sales.isEmpty()) {
            log.warn("No marketing or sales users: no generated leads");
            tallies.leads();
            return;
        }
        Long max = context.jdbc().queryForObject("SELECT COALESCE(MAX(id), 0) FROM leads", Long.class);
        long firstId = (max == null ? 0 : max) + 1;
        var generation = new Generation(pools, team, clock.instant(), firstId, new SplittableRandom(42));
        // one thread draws the leads while this one writes them: the two cores each do half the work
        var queue = new java.util.concurrent.ArrayBlockingQueue<Batch>(4);
        var failure = new java.util.concurrent.atomic.AtomicReference<RuntimeException>();
        var producer = Thread.ofPlatform().name("lead-generator").start(() -> {
            try {
                for (int done = 0; done < total; done += CHUNK) {
                    queue.put(generation.next(Math.min(CHUNK, total - done)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        // the generated rows point only at users and leads that exist; checking every reference of a
        // million rows would double the time
        context.jdbc().execute("SET SESSION foreign_key_checks = 0");
        try {
            for (int done = 0; done < total; done += CHUNK) {
                Batch batch = null;
                while (batch == null) {
                    batch = queue.poll(1, java.util.concurrent.TimeUnit.SECONDS);
                    if (batch == null && failure.get() != null) {
                        throw new IllegalStateException("The lead generator failed", failure.get());
                    }
                }
                context.bulkLoad("leads", LEAD_COLUMNS, batch.leads);
                context.bulkLoad("stage_change", CHANGE_COLUMNS, batch.changes);
                context.bulkLoad("lead_signal", List.of("lead_id", "kind", "occurred_at"), batch.signals);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while generating leads", e);
        } finally {
            producer.interrupt();
            context.jdbc().execute("SET SESSION foreign_key_checks = 1");
        }
        // the demo's own leads and the generated ones, counted once
        tallies.leads();
        log.info("Generated {} leads in {} ms", total, (System.nanoTime() - started) / 1_000_000);
    }

    /** Names, companies and phones made once with Datafaker, then combined per lead (fast at a million). */
    private record Pools(Map<String, List<String>> firstNames, Map<String, List<String>> lastNames,
                         Map<String, List<String>> phones, List<String[]> companies, List<String> titles) {

        static Pools build(SplittableRandom random) {
            Map<String, List<String>> first = new HashMap<>();
            Map<String, List<String>> last = new HashMap<>();
            Map<String, List<String>> phones = new HashMap<>();
            List<String[]> companies = new ArrayList<>();
            List<String> titles = new ArrayList<>();
            PhoneNumberUtil util = PhoneNumberUtil.getInstance();
            for (String[] country : COUNTRIES) {
                Faker faker = new Faker(Locale.forLanguageTag(country[1]), new java.util.Random(random.nextLong()));
                List<String> f = new ArrayList<>();
                List<String> l = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    f.add(faker.name().firstName());
                    l.add(faker.name().lastName());
                }
                first.put(country[0], f.stream().distinct().toList());
                last.put(country[0], l.stream().distinct().toList());
                for (int i = 0; i < 300; i++) {
                    String name = faker.company().name();
                    String domain = ContactCheck.plain(name).replaceAll("[^a-z0-9]+", "-")
                            .replaceAll("^-|-$", "") + switch (country[0]) {
                                case "BR" -> ".com.br";
                                case "PT" -> ".pt";
                                case "GB" -> ".co.uk";
                                case "DE" -> ".de";
                                case "ES" -> ".es";
                                case "FR" -> ".fr";
                                default -> ".com";
                            };
                    companies.add(new String[] {name, domain, country[0]});
                }
                titles.add(faker.job().title());
                var example = util.getExampleNumberForType(country[0], PhoneNumberUtil.PhoneNumberType.MOBILE);
                String national = String.valueOf(example.getNationalNumber());
                List<String> valid = new ArrayList<>();
                for (int i = 0; i < 3_000 && valid.size() < 1_000; i++) {
                    String digits = national.substring(0, national.length() - 5)
                            + String.format(Locale.ROOT, "%05d", random.nextInt(100_000));
                    String e164 = "+" + example.getCountryCode() + digits;
                    if (ContactCheck.isValidPhone(e164)) {
                        valid.add(e164);
                    }
                }
                phones.put(country[0], valid);
            }
            Faker english = new Faker(Locale.US, new java.util.Random(random.nextLong()));
            for (int i = 0; i < 150; i++) {
                titles.add(english.job().title());
            }
            return new Pools(first, last, phones, companies, titles.stream().distinct().toList());
        }
    }

    /** The marketing and sales users who own generated leads, with their user names for the history. */
    private record Team(List<long[]> marketing, List<long[]> sales, Map<Long, String> names) {

        static Team read(DemoContext context) {
            List<long[]> marketing = new ArrayList<>();
            List<long[]> sales = new ArrayList<>();
            Map<Long, String> names = new HashMap<>();
            context.jdbc().query("SELECT u.id, u.username, r.role FROM app_user u JOIN app_user_role r "
                    + "ON r.user_id = u.id WHERE r.role IN ('MARKETING', 'SALES') AND u.enabled ORDER BY u.id", rs -> {
                long id = rs.getLong(1);
                names.put(id, rs.getString(2));
                ("MARKETING".equals(rs.getString(3)) ? marketing : sales).add(new long[] {id});
            });
            return new Team(marketing, sales, names);
        }
    }

    private record Batch(List<Object[]> leads, List<Object[]> changes, List<Object[]> signals) {
    }

    /** One pass of generation; ids are assigned here so history rows can point at their lead. */
    private static final class Generation {

        private final Pools pools;
        private final Team team;
        private final Instant now;
        private final SplittableRandom random;
        private long nextId;
        private final long firstId;
        /** Recent leads (first, last, email, phone, company, country), for duplicates. */
        private final Object[][] recent = new Object[512][];
        private int recentCount;

        Generation(Pools pools, Team team, Instant now, long firstId, SplittableRandom random) {
            this.pools = pools;
            this.team = team;
            this.now = now;
            this.firstId = firstId;
            this.nextId = firstId;
            this.random = random;
        }

        Batch next(int count) {
            var batch = new Batch(new ArrayList<>(count), new ArrayList<>(count * 3), new ArrayList<>(count));
            for (int i = 0; i < count; i++) {
                lead(batch);
            }
            return batch;
        }

        private void lead(Batch batch) {
            long id = nextId++;
            String country = pick(COUNTRIES, 2)[0];
            String first = any(pools.firstNames.get(country));
            String last = any(pools.lastNames.get(country));
            String[] company = companyIn(country);
            String email = emailFor(first, last, company[1]);
            String phone = random.nextInt(100) < 70 ? any(pools.phones.get(country)) : null;
            String companyName = company[0];
            int kind = random.nextInt(100);
            boolean fake = kind < 3;
            if (fake) {
                String[] f = FAKES[random.nextInt(FAKES.length)];
                first = f[0];
                last = f[1];
                email = f[2];
                phone = random.nextBoolean() ? "+1555000000" + random.nextInt(10) : null;
                companyName = random.nextBoolean() ? "Test" : null;
            } else if (kind < 5 && recentCount > 0) {
                Object[] twin = recent[random.nextInt(Math.min(recentCount, recent.length))];
                first = (String) twin[0];
                last = (String) twin[1];
                companyName = (String) twin[4];
                country = (String) twin[5];
                switch (random.nextInt(3)) {
                    case 0 -> email = ((String) twin[2]).toUpperCase(Locale.ROOT);
                    case 1 -> phone = (String) twin[3];
                    default -> email = emailFor(first, last, FREE_MAIL[random.nextInt(FREE_MAIL.length)]);
                }
            } else {
                recent[recentCount++ % recent.length] = new Object[] {first, last, email, phone, companyName, country};
            }
            var suspect = ContactCheck.suspectReasons(first, last, email, phone);
            LeadSource source = weighted(SOURCES, SOURCE_WEIGHTS);
            Long referredBy = null;
            if (source == LeadSource.REFERRAL && id > firstId) {
                referredBy = firstId + random.nextLong(id - firstId);
            }
            // more leads lately: the age is skewed towards now
            double u = random.nextDouble();
            Instant created = now.minusSeconds((long) (SPAN.toSeconds() * u * u)).minusSeconds(60);
            Life life = fake ? Life.fake(created, random) : Life.of(created, random, now);
            long marketingOwner = team.marketing.get(random.nextInt(team.marketing.size()))[0];
            long salesOwner = team.sales.get(random.nextInt(team.sales.size()))[0];
            long owner = life.reachedSql && life.status != LeadStatus.MQL ? salesOwner : marketingOwner;
            String marketingName = team.names.get(marketingOwner);
            String salesName = team.names.get(salesOwner);
            for (Object[] step : life.steps) {
                Instant at = (Instant) step[2];
                String by = "SALES".equals(step[4]) ? salesName : marketingName;
                batch.changes.add(new Object[] {LeadStatus.LIFECYCLE.recordType(), id, step[0], step[1], by, Utc.of(at), step[3], 1});
            }
            if (random.nextInt(100) < 60) {
                var kindOfSignal = switch (source) {
                    case NEWSLETTER -> SignalKind.NEWSLETTER_SIGNUP;
                    case EVENT -> SignalKind.EVENT_VISIT;
                    case WEBSITE_FORM -> random.nextBoolean() ? SignalKind.CONTACT_FORM : SignalKind.DEMO_REQUEST;
                    default -> SignalKind.values()[random.nextInt(SignalKind.values().length)];
                };
                batch.signals.add(new Object[] {id, kindOfSignal.name(), Utc.of(created.plusSeconds(30))});
            }
            Instant updated = life.steps.isEmpty() ? created : (Instant) life.steps.getLast()[2];
            batch.leads.add(new Object[] {id, first, last, email, ContactCheck.emailKey(email), phone, companyName,
                    ContactCheck.nameKey(first, last), ContactCheck.companyKey(companyName),
                    any(pools.titles), country, source.name(), owner, life.status.name(),
                    life.reason == null ? null : life.reason.name(), life.note,
                    referredBy, SuspectReason.stored(suspect),
                    ts(life.handedOver), ts(life.handedOver == null || life.status == LeadStatus.MQL ? null
                            : life.handedOver.plus(Duration.ofHours(24))),
                    ts(life.firstTouch), Utc.of(created), Utc.of(updated),
                    life.steps.size() > 1 ? ("SALES".equals(life.steps.getLast()[4]) ? salesName : marketingName)
                            : marketingName,
                    life.steps.size() - 1});
        }

        private String[] companyIn(String country) {
            for (int i = 0; i < 8; i++) {
                String[] company = pools.companies.get(random.nextInt(pools.companies.size()));
                if (company[2].equals(country)) {
                    return company;
                }
            }
            return pools.companies.get(random.nextInt(pools.companies.size()));
        }

        private String emailFor(String first, String last, String domain) {
            String local = ContactCheck.plain(first).replaceAll("[^a-z]", "") + "."
                    + ContactCheck.plain(last).replaceAll("[^a-z]", "");
            if (random.nextInt(4) == 0) {
                local = local + random.nextInt(100);
            }
            return local + "@" + (random.nextInt(5) == 0 ? FREE_MAIL[random.nextInt(FREE_MAIL.length)] : domain);
        }

        private <T> T any(List<T> list) {
            return list.get(random.nextInt(list.size()));
        }

        private String[] pick(String[][] rows, int weightColumn) {
            int total = 0;
            for (String[] row : rows) {
                total += Integer.parseInt(row[weightColumn]);
            }
            int r = random.nextInt(total);
            for (String[] row : rows) {
                r -= Integer.parseInt(row[weightColumn]);
                if (r < 0) {
                    return row;
                }
            }
            return rows[0];
        }

        private <T> T weighted(T[] values, int[] weights) {
            int total = 0;
            for (int w : weights) {
                total += w;
            }
            int r = random.nextInt(total);
            for (int i = 0; i < values.length; i++) {
                r -= weights[i];
                if (r < 0) {
                    return values[i];
                }
            }
            return values[0];
        }
    }

    /**
     * A lead's path through the lifecycle up to now: steps of (from, to, when, reason, actor role).
     * The path is drawn first and cut where it would pass the present, so recent leads are mostly
     * NEW or MQL and old ones have reached the end of their path.
     */
    private static final class Life {
        final List<Object[]> steps = new ArrayList<>(5);
        LeadStatus status = LeadStatus.NEW;
        @Nullable DisqualificationReason reason;
        @Nullable String note;
        @Nullable Instant handedOver;
        @Nullable Instant firstTouch;
        boolean reachedSql;

        static Life fake(Instant created, SplittableRandom random) {
            Life life = new Life();
            life.steps.add(new Object[] {null, "NEW", created, null, "MARKETING"});
            if (random.nextInt(100) < 80) {
                life.step(LeadStatus.DISQUALIFIED, created.plus(Duration.ofHours(1 + random.nextInt(72))),
                        "Fake or invalid contact", "MARKETING");
                life.reason = DisqualificationReason.FAKE_OR_INVALID_CONTACT;
            }
            return life;
        }

        static Life of(Instant created, SplittableRandom random, Instant now) {
            Life life = new Life();
            life.steps.add(new Object[] {null, "NEW", created, null, "MARKETING"});
            // where this lead's path ends: 30 % stay NEW/are dropped early, the rest go on
            int fate = random.nextInt(100);
            Instant at = created.plus(Duration.ofHours(2 + random.nextInt(24 * 10)));
            if (fate < 22) {
                return life;
            }
            if (fate < 30) {
                life.disqualify(at, random, now, "MARKETING");
                return life;
            }
            if (!life.step(LeadStatus.MQL, at, null, "MARKETING", now)) {
                return life;
            }
            at = at.plus(Duration.ofHours(12 + random.nextInt(24 * 20)));
            if (fate < 55) {
                if (fate >= 45) {
                    life.disqualify(at, random, now, "MARKETING");
                }
                return life;
            }
            if (!life.step(LeadStatus.SQL, at, null, "MARKETING", now)) {
                return life;
            }
            life.reachedSql = true;
            life.handedOver = at;
            // most SQLs are touched within the day; a few run past the deadline
            Instant touch = at.plus(Duration.ofMinutes(20 + random.nextInt(random.nextInt(10) == 0 ? 60 * 60 : 60 * 22)));
            if (touch.isBefore(now)) {
                life.firstTouch = touch;
            }
            at = at.plus(Duration.ofHours(24 + random.nextInt(24 * 30)));
            if (fate < 60) {
                // returned to marketing, which keeps it as an MQL
                life.step(LeadStatus.MQL, at, RETURN_REASONS[random.nextInt(RETURN_REASONS.length)], "SALES", now);
                return life;
            }
            if (fate < 72) {
                if (fate >= 66) {
                    life.disqualify(at, random, now, "SALES");
                }
                return life;
            }
            life.step(LeadStatus.CONVERTED, at, null, "SALES", now);
            return life;
        }

        private void disqualify(Instant at, SplittableRandom random, Instant now, String role) {
            var reasons = new DisqualificationReason[] {DisqualificationReason.NOT_A_FIT,
                    DisqualificationReason.NO_INTEREST, DisqualificationReason.DUPLICATE, DisqualificationReason.OTHER};
            DisqualificationReason chosen = reasons[random.nextInt(reasons.length)];
            String text = DISQUALIFY_NOTES[random.nextInt(DISQUALIFY_NOTES.length)];
            if (step(LeadStatus.DISQUALIFIED, at, text, role, now)) {
                reason = chosen;
                note = text;
            }
        }

        private boolean step(LeadStatus to, Instant at, @Nullable String why, String role, Instant now) {
            if (!at.isBefore(now)) {
                return false;
            }
            step(to, at, why, role);
            return true;
        }

        private void step(LeadStatus to, Instant at, @Nullable String why, String role) {
            steps.add(new Object[] {status.name(), to.name(), at, why, role});
            status = to;
        }
    }

    private static @Nullable LocalDateTime ts(@Nullable Instant instant) {
        return instant == null ? null : Utc.of(instant);
    }
}
