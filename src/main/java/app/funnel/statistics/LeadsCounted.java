package app.funnel.statistics;

import java.util.Collection;
import java.util.List;

/**
 * For bulk paths (imports and their undo): these stored leads are counted in ({@code delta} +1,
 * after they were written) or out (-1, before they are changed or removed), as they are stored
 * now, in a few grouped statements per thousand leads.
 */
public record LeadsCounted(List<Long> ids, int delta) {

    public LeadsCounted {
        ids = List.copyOf(ids);
        if (delta != 1 && delta != -1) {
            throw new IllegalArgumentException("A lead is counted in or out, not " + delta + " times");
        }
    }

    public static LeadsCounted in(Collection<Long> ids) {
        return new LeadsCounted(List.copyOf(ids), 1);
    }

    public static LeadsCounted out(Collection<Long> ids) {
        return new LeadsCounted(List.copyOf(ids), -1);
    }
}
