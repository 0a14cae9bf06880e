package app.funnel.dashboard;

import java.time.YearMonth;
import java.util.List;

/**
 * Won and lost deals (by the month of their last close) and the win rate, won / (won + lost), for
 * the period, per month and per owner (who held the deal when it closed).
 */
public record WinRate(long won, long lost, List<Month> months, List<Owner> owners) {

    public double percent() {
        return rate(won, lost);
    }

    public record Month(YearMonth month, long won, long lost) {
        public double percent() {
            return rate(won, lost);
        }
    }

    public record Owner(long ownerId, String name, long won, long lost) {
        public double percent() {
            return rate(won, lost);
        }
    }

    static double rate(long won, long lost) {
        return won + lost == 0 ? 0 : 100.0 * won / (won + lost);
    }
}
