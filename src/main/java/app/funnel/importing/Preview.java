package app.funnel.importing;

import app.funnel.lead.LeadBatch;
import app.funnel.lead.LeadSource;
import app.funnel.lead.SuspectReason;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The first rows of a file as they would be imported, and what the whole file holds: rows that
 * pass the lead checks, rows that fail, rows repeating an earlier row of the file, suspect rows.
 */
public record Preview(List<Row> rows, int total, int valid, int invalid, int repeatedInFile, int suspect) {

    /** One row: what it becomes, or why it fails; its suspect flags and the leads it duplicates. */
    public record Row(int rowNo, String name, String email, String phone, String company, @Nullable LeadSource source,
                      @Nullable String error, Set<SuspectReason> suspect, List<LeadBatch.Match> existing,
                      @Nullable Integer sameAsRow) {
    }
}
