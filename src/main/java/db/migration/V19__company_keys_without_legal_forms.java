package db.migration;

import app.funnel.lead.ContactCheck;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Objects;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Company keys now leave out case, accents, punctuation and the legal form ("ACME Ltda." and
 * "Acme" are one company, for the duplicate rule): the stored keys of leads are computed again by
 * {@link ContactCheck#companyKey}, one UPDATE per distinct company name (the index on
 * {@code leads.company} finds its rows), only where the key changes. Accounts keep theirs (their
 * key is also the prefix that search reads).
 */
public class V19__company_keys_without_legal_forms extends BaseJavaMigration {

    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement read = connection.createStatement();
             ResultSet companies = read.executeQuery("SELECT DISTINCT company FROM leads WHERE company IS NOT NULL");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE leads SET company_key = ? WHERE company = ? AND NOT company_key <=> ?")) {
            int pending = 0;
            while (companies.next()) {
                String company = companies.getString(1);
                String key = Objects.requireNonNull(ContactCheck.companyKey(company));
                update.setString(1, key);
                update.setString(2, company);
                update.setString(3, key);
                update.addBatch();
                if (++pending == BATCH) {
                    update.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
    }
}
