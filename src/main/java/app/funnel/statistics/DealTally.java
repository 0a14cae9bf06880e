package app.funnel.statistics;

import java.math.BigDecimal;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The opportunity_tally table: deals, total and weighted amount per stage, owner, currency, close
 * month and source (the deal's lead's, {@link Tallies#NO_SOURCE} without one), kept from
 * {@link DealChanged} in the transaction of every change; bulk loads call {@link #rebuild()}.
 */
@Component
class DealTally {

    private final JdbcTemplate jdbc;
    private final TallyWrites writes;

    DealTally(JdbcTemplate jdbc, TallyWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    @EventListener
    void on(DealChanged change) {
        if (change.after().equals(change.before())) {
            return;
        }
        if (change.before() != null) {
            add(change.before(), -1);
        }
        add(change.after(), 1);
    }

    private void add(DealFacts deal, int sign) {
        BigDecimal factor = BigDecimal.valueOf(sign);
        writes.add(TallyWrites.Table.OPPORTUNITY_TALLY, List.of(deal.stage().name(), deal.ownerId(), deal.currency(),
                deal.closeMonth(), Tallies.source(deal.source())), sign, deal.amount().multiply(factor),
                deal.weighted().multiply(factor));
    }

    long version() {
        return writes.version(TallyWrites.Table.OPPORTUNITY_TALLY);
    }

    void rebuild() {
        jdbc.update("DELETE FROM opportunity_tally");
        jdbc.update("INSERT INTO opportunity_tally (stage, owner_id, currency, close_month, source, n, amount, weighted) "
                + "SELECT stage, owner_id, currency, EXTRACT(YEAR_MONTH FROM expected_close), "
                + "COALESCE(source, '" + Tallies.NO_SOURCE + "'), COUNT(*), SUM(amount), "
                + "SUM(ROUND(amount * probability / 100, 4)) FROM opportunity GROUP BY 1, 2, 3, 4, 5");
        writes.changed(TallyWrites.Table.OPPORTUNITY_TALLY);
    }
}
