package app.funnel.importing;

import app.funnel.lead.LeadSource;
import app.funnel.lead.SignalKind;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How to import a file: which column is which field, what to do with duplicates and with rows that
 * fail, the source of leads whose row names none, the interest signal to note, and their owner.
 */
public record ImportOptions(Map<Integer, ImportField> mapping, DuplicateChoice duplicates, boolean skipInvalid,
                            LeadSource source, @Nullable SignalKind signal, long ownerId) {
}
