package app.funnel.opportunity;

import app.funnel.lead.ContactCheck;
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
 * Deals, accounts and contacts in the global search: deals by name, accounts by name or e-mail
 * domain, contacts by first or last name, e-mail or phone, each on its own index (contacts' since
 * V17). Every role may open every deal (the deal grid's rule; marketing reads them), so nothing is
 * left out for access. An account opens the deal grid filtered to it; a contact opens its newest
 * deal, or its account's deals when it has none.
 */
@Component
class DealFinder implements Searchable {

    private final JdbcTemplate jdbc;

    DealFinder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<SearchHit> find(SearchTerms terms, int limit) {
        List<SearchHit> hits = new ArrayList<>();
        String prefix = SearchTerms.likePrefix(terms.text());
        // the first deals by name first (a range of ix_opportunity_name), then their accounts: joined
        // before the limit, the optimizer may read the accounts first and sort every matching deal
        hits.addAll(jdbc.query("SELECT STRAIGHT_JOIN o.id, o.name, o.stage, a.name AS account FROM ("
                        + "SELECT id, name, stage, account_id FROM opportunity WHERE name LIKE ? ORDER BY name, id LIMIT ?) o "
                        + "JOIN account a ON a.id = o.account_id ORDER BY o.name, o.id",
                (rs, n) -> new SearchHit(SearchKind.DEAL, rs.getLong("id"), rs.getString("name"), rs.getString("account"),
                        "stage." + Stage.valueOf(rs.getString("stage")).name(), "opportunities/" + rs.getLong("id")),
                prefix, limit));

        hits.addAll(jdbc.query("SELECT STRAIGHT_JOIN a.id, a.name, a.domain FROM ("
                        + "(SELECT id FROM account WHERE name_key LIKE ? LIMIT ?) UNION "
                        + "(SELECT id FROM account WHERE domain LIKE ? LIMIT ?)) m JOIN account a ON a.id = m.id ORDER BY a.name, a.id LIMIT ?",
                (rs, n) -> new SearchHit(SearchKind.ACCOUNT, rs.getLong("id"), rs.getString("name"), rs.getString("domain"),
                        null, "opportunities?account=" + rs.getLong("id")),
                SearchTerms.likePrefix(ContactCheck.plain(terms.text())), limit,
                SearchTerms.likePrefix(terms.text().toLowerCase(Locale.ROOT)), limit, limit));

        List<String> branches = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (String column : List.of("first_name", "last_name", "email")) {
            branches.add("(SELECT id FROM contact WHERE " + column + " LIKE ? LIMIT ?)");
            args.add(prefix);
            args.add(limit);
        }
        for (String phone : terms.phonePrefixes()) {
            branches.add("(SELECT id FROM contact WHERE phone LIKE ? LIMIT ?)");
            args.add(SearchTerms.likePrefix(phone));
            args.add(limit);
        }
        args.add(limit);
        // the matches first (a few rows per index range), then their contacts and accounts
        hits.addAll(jdbc.query("SELECT STRAIGHT_JOIN c.id, c.first_name, c.last_name, c.email, c.account_id, a.name AS account, "
                        + "(SELECT MAX(o.id) FROM opportunity o WHERE o.contact_id = c.id) AS deal FROM ("
                        + String.join(" UNION ", branches) + ") m JOIN contact c ON c.id = m.id "
                        + "JOIN account a ON a.id = c.account_id ORDER BY c.last_name, c.first_name, c.id LIMIT ?",
                (rs, n) -> {
                    long deal = rs.getLong("deal");
                    boolean noDeal = rs.wasNull();
                    String mail = rs.getString("email");
                    String account = rs.getString("account");
                    return new SearchHit(SearchKind.CONTACT, rs.getLong("id"),
                            (rs.getString("first_name") + " " + rs.getString("last_name")).strip(),
                            mail == null ? account : account + " · " + mail, null,
                            noDeal ? "opportunities?account=" + rs.getLong("account_id") : "opportunities/" + deal);
                }, args.toArray()));
        return hits;
    }
}
