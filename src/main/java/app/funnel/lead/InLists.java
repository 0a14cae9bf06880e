package app.funnel.lead;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** SQL {@code IN (?, ?, ...)} lists for the lead feature's batch reads: the marks, and values cut to lists of a thousand. */
final class InLists {

    /** Values per list: well inside the server's limits, and one index range read each. */
    static final int SIZE = 1000;

    private InLists() {
    }

    /** {@code (?,?,...)} with n marks. */
    static String marks(int n) {
        return "(" + String.join(",", Collections.nCopies(n, "?")) + ")";
    }

    /** The values in lists of at most {@link #SIZE}. */
    static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += SIZE) {
            chunks.add(items.subList(from, Math.min(items.size(), from + SIZE)));
        }
        return chunks;
    }
}
