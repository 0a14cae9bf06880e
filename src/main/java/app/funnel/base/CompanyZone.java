package app.funnel.base;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The company's time zone ({@code FUNNEL_TIME_ZONE}, by default the JVM's): every month bucket, day
 * filter and "this month" is taken in it. Stored times are UTC ({@link Utc}); this class is the one
 * place that turns them into the company's days and months, in Java and in SQL alike.
 */
@Component
public class CompanyZone {

    /** The earliest year whose offset changes the SQL month expression follows; earlier rows take that year's. */
    private static final int FIRST_YEAR = 2000;

    private final ZoneId zone;
    private final String localSqlTemplate;

    @org.springframework.beans.factory.annotation.Autowired
    CompanyZone(FunnelProperties properties) {
        this(parse(properties.timeZone()));
    }

    private CompanyZone(ZoneId zone) {
        this.zone = zone;
        this.localSqlTemplate = localSqlTemplate(zone);
    }

    /** The rules of another zone, for tests and previews. */
    public static CompanyZone of(ZoneId zone) {
        return new CompanyZone(zone);
    }

    private static ZoneId parse(String configured) {
        if (configured.isBlank()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(configured.trim());
        } catch (DateTimeException e) {
            throw new IllegalStateException("FUNNEL_TIME_ZONE=" + configured + " is not a time zone: use a name such "
                    + "as America/Sao_Paulo or Europe/Lisbon, or UTC", e);
        }
    }

    public ZoneId id() {
        return zone;
    }

    /** The month of an instant in the company's zone, as yyyymm (the tallies' month). */
    public int month(Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        return local.getYear() * 100 + local.getMonthValue();
    }

    public LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public YearMonth thisMonth(Clock clock) {
        return YearMonth.from(today(clock));
    }

    public LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    /** The first instant of a day in the company's zone. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** The first instant of a month in the company's zone. */
    public Instant startOf(YearMonth month) {
        return startOf(month.atDay(1));
    }

    /**
     * An SQL expression for the company's local date and time of a stored UTC DATETIME column: the
     * column moved by the zone's offset at that moment (a CASE over the zone's offset changes, newest
     * first, since database servers often lack named time zones).
     */
    public String localSql(String column) {
        return localSqlTemplate.replace("{c}", column);
    }

    /** {@code EXTRACT(YEAR_MONTH FROM ...)} of {@link #localSql}: the month the tallies count a stored time in. */
    public String monthSql(String column) {
        return "EXTRACT(YEAR_MONTH FROM " + localSql(column) + ")";
    }

    private static String localSqlTemplate(ZoneId zone) {
        ZoneRules rules = zone.getRules();
        if (rules.isFixedOffset()) {
            int seconds = rules.getOffset(Instant.EPOCH).getTotalSeconds();
            return seconds == 0 ? "{c}" : "({c} + INTERVAL " + seconds + " SECOND)";
        }
        Instant from = LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = LocalDate.now(ZoneOffset.UTC).plusYears(3).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<ZoneOffsetTransition> changes = new ArrayList<>();
        ZoneOffsetTransition next = rules.nextTransition(from);
        while (next != null && next.getInstant().isBefore(to)) {
            changes.add(next);
            next = rules.nextTransition(next.getInstant());
        }
        if (changes.isEmpty()) {
            return "({c} + INTERVAL " + rules.getOffset(to).getTotalSeconds() + " SECOND)";
        }
        StringBuilder sql = new StringBuilder("({c} + INTERVAL CASE");
        for (ZoneOffsetTransition change : changes.reversed()) {
            sql.append(" WHEN {c} >= '").append(LocalDateTime.ofInstant(change.getInstant(), ZoneOffset.UTC))
                    .append("' THEN ").append(change.getOffsetAfter().getTotalSeconds());
        }
        sql.append(" ELSE ").append(changes.getFirst().getOffsetBefore().getTotalSeconds()).append(" END SECOND)");
        return sql.toString();
    }
}
