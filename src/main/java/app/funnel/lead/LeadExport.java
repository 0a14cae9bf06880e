package app.funnel.lead;

import app.funnel.base.CsvExport;
import app.funnel.base.Utc;
import app.funnel.security.Roles;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The lead grid's CSV export: every lead the filters match, streamed from the database row by row. */
@Service
public class LeadExport {

    private final LeadSearch search;

    LeadExport(LeadSearch search) {
        this.search = search;
    }

    /**
     * Writes the leads the grid's filters select as CSV (UTF-8 with a byte-order mark, the chosen
     * delimiter), streamed row by row: a million leads do not become a million objects.
     *
     * @return how many leads were written
     */
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public long export(LeadQuery query, CsvExport.Delimiter delimiter, OutputStream out) {
        return export(query, delimiter, CsvExport.Words.CODES, out);
    }

    /** As above, with column names and coded values (source, status, suspect signs) in the given words. */
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public long export(LeadQuery query, CsvExport.Delimiter delimiter,
                       CsvExport.Words words, OutputStream out) {
        long[] count = {0};
        List<String> columns = List.of("id", "first_name", "last_name", "email", "phone", "company", "job_title",
                "country", "source", "status", "owner", "suspect", "created_at");
        try (var csv = new CsvExport(out, delimiter,
                columns.stream().map(c -> words.column("csv.lead.", c)).toList())) {
            search.export(query, rs -> {
                Instant created = Utc.readRequired(rs, 13);
                String suspect = SuspectReason.of(rs.getString(12)).stream().map(Enum::name).sorted()
                        .map(code -> words.value("suspect.", code)).collect(Collectors.joining(", "));
                csv.row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), words.value("source.", rs.getString(9)),
                        words.value("status.", rs.getString(10)), rs.getString(11), suspect,
                        created.toString());
                count[0]++;
            });
        }
        return count[0];
    }

}
