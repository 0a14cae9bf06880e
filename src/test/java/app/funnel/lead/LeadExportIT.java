package app.funnel.lead;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.FunnelAppTest;
import app.funnel.TestLogins;
import app.funnel.base.CsvExport;
import app.funnel.opportunity.OpportunityQuery;
import app.funnel.opportunity.OpportunityService;
import app.funnel.opportunity.Stage;
import app.funnel.security.Role;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

@FunnelAppTest
class LeadExportIT {

    @org.springframework.beans.factory.annotation.Autowired
    app.funnel.lead.LeadExport exporter;

    @Autowired
    LeadService leads;
    @Autowired
    OpportunityService opportunities;

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_filtered_leads_export_as_utf8_with_a_bom_and_the_chosen_separator_accents_intact() {
        TestLogins.as("marketing", Role.MARKETING);
        LeadQuery query = new LeadQuery(null, null, null, null, null, "avila");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = exporter.export(query, CsvExport.Delimiter.SEMICOLON, out);

        byte[] bytes = out.toByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(text).startsWith("id;first_name;last_name;email;");
        List<CSVRecord> rows = parse(text, ';');
        assertThat(rows).hasSize((int) written).hasSize((int) leads.count(query));
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.get("first_name")).isEqualTo("João");
            assertThat(r.get("last_name")).isEqualTo("Ávila");
            assertThat(r.get("owner")).isEqualTo("Márcia Marketing");
        });
    }

    @Test
    void every_lead_of_a_status_is_exported_in_one_stream() {
        TestLogins.as("leadership", Role.LEADERSHIP);
        LeadQuery query = LeadQuery.all().withStatus(LeadStatus.MQL);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = exporter.export(query, CsvExport.Delimiter.COMMA, out);
        assertThat(written).isEqualTo(leads.count(query)).isGreaterThan(100);
        assertThat(parse(new String(out.toByteArray(), StandardCharsets.UTF_8).substring(1), ','))
                .hasSize((int) written).allSatisfy(r -> assertThat(r.get("status")).isEqualTo("MQL"));
    }

    @Test
    void the_export_speaks_the_users_language_unless_codes_are_asked_for() {
        TestLogins.as("leadership", Role.LEADERSHIP);
        java.util.ResourceBundle pt = java.util.ResourceBundle.getBundle("vaadin-i18n/translations",
                java.util.Locale.of("pt", "BR"));
        CsvExport.Words portuguese = key -> pt.containsKey(key) ? pt.getString(key) : null;
        LeadQuery query = LeadQuery.all().withStatus(LeadStatus.NEW);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.export(query, CsvExport.Delimiter.SEMICOLON, portuguese, out);
        String text = new String(out.toByteArray(), StandardCharsets.UTF_8).substring(1);
        assertThat(text.lines().findFirst().orElseThrow()).startsWith("Id;Nome;Sobrenome;E-mail;Telefone;Empresa");
        assertThat(parse(text, ';')).isNotEmpty().allSatisfy(r -> assertThat(r.get("Status")).isEqualTo("Novo"));

        ByteArrayOutputStream codes = new ByteArrayOutputStream();
        exporter.export(query, CsvExport.Delimiter.SEMICOLON, CsvExport.Words.CODES, codes);
        assertThat(parse(new String(codes.toByteArray(), StandardCharsets.UTF_8).substring(1), ';'))
                .allSatisfy(r -> assertThat(r.get("status")).isEqualTo("NEW"));
    }

    @Test
    void the_filtered_deals_export_with_their_account_and_buyer() {
        TestLogins.as("marketing", Role.MARKETING);
        OpportunityQuery won = OpportunityQuery.all().withStage(Stage.CLOSED_WON);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = opportunities.export(won, CsvExport.Delimiter.COMMA, out);
        List<CSVRecord> rows = parse(new String(out.toByteArray(), StandardCharsets.UTF_8).substring(1), ',');
        assertThat(rows).hasSize((int) written).hasSize((int) opportunities.count(won));
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("stage")).isEqualTo("CLOSED_WON");
            assertThat(r.get("account")).isNotBlank();
        });
    }

    @Test
    void exporting_needs_a_role() {
        SecurityContextHolder.clearContext();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> exporter.export(LeadQuery.all(),
                CsvExport.Delimiter.COMMA, new ByteArrayOutputStream()))
                .isInstanceOf(org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
        TestLogins.as("nobody");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> exporter.export(LeadQuery.all(),
                CsvExport.Delimiter.COMMA, new ByteArrayOutputStream())).isInstanceOf(AccessDeniedException.class);
    }

    private static List<CSVRecord> parse(String text, char delimiter) {
        try {
            return CSVFormat.EXCEL.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(text)).getRecords();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
