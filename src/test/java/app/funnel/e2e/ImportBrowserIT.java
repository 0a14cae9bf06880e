package app.funnel.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.funnel.base.DemoMode;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Marketing imports a semicolon-separated Windows-1252 file with accents, as Excel saves it in
 * Brazil: maps a column Funnel did not recognise, sees the preview's flags, imports the valid rows,
 * downloads the failed ones, and finds the new leads in the grid with their accents intact.
 */
class ImportBrowserIT extends BrowserTest {

    @Test
    void marketing_imports_a_windows_1252_semicolon_file_and_finds_the_leads_with_their_accents() throws Exception {
        String tag = "Imp" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String csv = String.join("\r\n",
                "Nome;Sobrenome;E-mail;Telefone;Empresa;Lembrete",
                "Conceição;Araújo" + tag + ";conceicao." + tag + "@acme.com.br;;Ação Ltda;Ligar após o evento",
                "Ênio;Gonçalves" + tag + ";enio." + tag + "@acme.com.br;;Ação Ltda;",
                "Sem;Contato" + tag + ";;;;",
                "Test;Test;test." + tag + "@mailinator.com;;;",
                "Conceição;Araújo" + tag + ";conceicao." + tag + "@acme.com.br;;;") + "\r\n";
        Path file = Files.createTempFile("lista-evento", ".csv");
        Files.write(file, csv.getBytes(Charset.forName("windows-1252")));

        Page page = chromium.newPage();
        Chromium.logIn(page, base(), "marketing", DemoMode.DEMO_PASSWORD);
        Chromium.waitForShell(page);
        page.navigate(base() + "/leads/import");
        page.locator("#import-upload input[type=file]").setInputFiles(file);
        assertThat(page.locator("#import-file-summary")).containsText("5 rows");
        assertThat(page.locator("#import-file-summary")).containsText("Windows-1252");
        assertThat(page.locator("#import-file-summary")).containsText("semicolons");

        // the guessed columns, and one mapped by hand
        assertThat(page.locator("#map-0")).containsText("First name");
        assertThat(page.locator("#map-1")).containsText("Last name");
        assertThat(page.locator("#map-5")).containsText("Not imported");
        page.locator("#map-5 vaadin-select-value-button").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Notes").setExact(true)).click();
        assertThat(page.locator("#map-5")).containsText("Notes");

        page.locator("#import-check").click();
        assertThat(page.locator("#import-preview-totals"))
                .containsText("5 rows: 4 valid, 1 with errors, 1 repeat an earlier row of the file, 1 look suspect");
        Locator preview = page.locator("#import-preview-grid");
        assertThat(preview).containsText("E-mail: Give an e-mail address or a phone number");
        assertThat(preview).containsText("Throwaway e-mail domain");
        assertThat(preview).containsText("Same person as row 1");
        assertThat(preview).containsText("Conceição Araújo" + tag);

        page.locator("#import-start").click();
        assertThat(page.locator("#import-skip-invalid")).hasAttribute("invalid", "");
        page.locator("#import-skip-invalid input").check();
        page.locator("#import-start").click();
        assertThat(page.locator("#import-status")).hasText("Done");
        assertThat(page.locator("#import-counts")).containsText("5 of 5 rows handled: 3 created, 0 updated, 1 skipped, 1 failed");
        assertThat(page.locator("#import-history")).containsText(file.getFileName().toString());

        Download download = page.waitForDownload(() -> page.locator("#import-failed-rows").click());
        String failed = new String(Files.readAllBytes(download.path()), StandardCharsets.UTF_8);
        org.assertj.core.api.Assertions.assertThat(failed).startsWith("\uFEFFNome;Sobrenome;E-mail;Telefone;Empresa;Lembrete;Row;Error")
                .contains("Sem;Contato" + tag + ";;;;;3;E-mail: Give an e-mail address or a phone number");

        page.navigate(base() + "/leads");
        page.locator("#filter-text input").fill("Araújo" + tag);
        Locator grid = page.locator("#leads-grid");
        assertThat(grid.getByText("Conceição Araújo" + tag, new Locator.GetByTextOptions().setExact(true))).isVisible();
        assertThat(grid.getByText("Ação Ltda", new Locator.GetByTextOptions().setExact(true)).first()).isVisible();
        page.context().close();
    }
}
