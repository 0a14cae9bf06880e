package app.funnel.lead;

import app.funnel.search.SearchHit;
import app.funnel.search.SearchKind;
import app.funnel.search.SearchTerms;
import app.funnel.search.Searchable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Leads in the global search: those whose name (first then last, or last), e-mail, company or
 * phone starts with the text. Each branch is a range of its own index, cut at the limit before
 * the union, so a common prefix ("ma") costs what a rare one does. Every role may open every
 * lead (the lead grid's rule), so no lead is left out for access.
 */
@Component
class LeadFinder implements Searchable {

    private final JdbcTemplate jdbc;

    LeadFinder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<SearchHit> find(SearchTerms terms, int limit) {
        String plain = ContactCheck.plain(terms.text());
        List<String> branches = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        branch(branches, args, "name_key", plain, limit);
        branch(branches, args, "last_name", terms.text(), limit);
        branch(branches, args, "company", terms.text(), limit);
        String email = terms.text().toLowerCase(Locale.ROOT).replace(" ", "");
        branch(branches, args, "email_key", email, limit);
        if (!email.contains("@") && email.contains(".")) {
            // the key of a mailbox whose provider ignores dots is stored without them
            branch(branches, args, "email_key", email.replace(".", ""), limit);
        }
        for (String phone : terms.phonePrefixes()) {
            branch(branches, args, "phone", phone, limit);
        }
        args.add(limit);
        return jdbc.query("SELECT STRAIGHT_JOIN l.id, l.first_name, l.last_name, l.company, l.email, l.status FROM ("
                        + String.join(" UNION ", branches) + ") m JOIN leads l ON l.id = m.id ORDER BY l.last_name, l.first_name, l.id LIMIT ?",
                (rs, n) -> {
                    String company = rs.getString("company");
                    String mail = rs.getString("email");
                    String detail = company != null && mail != null ? company + " · " + mail
                            : company != null ? company : mail;
                    long id = rs.getLong("id");
                    return new SearchHit(SearchKind.LEAD, id, (rs.getString("first_name") + " " + rs.getString("last_name")).strip(),
                            detail, "status." + LeadStatus.valueOf(rs.getString("status")).name(), "leads/" + id);
                }, args.toArray());
    }

    private static void branch(List<String> branches, List<Object> args, String column, String prefix, int limit) {
        branches.add("(SELECT id FROM leads WHERE " + column + " LIKE ? LIMIT ?)");
        args.add(SearchTerms.likePrefix(prefix));
        args.add(limit);
    }
}
