package app.funnel.user;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.Application;
import app.funnel.SharedTestDatabase;
import app.funnel.database.EmbeddedMariaDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import app.funnel.RestoresSecurityContextStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * First start on an empty external database: no demo data unless asked for, and one admin user
 * whose password is FUNNEL_ADMIN_PASSWORD or a random one logged once.
 */
@ExtendWith({OutputCaptureExtension.class, RestoresSecurityContextStrategy.class})
class FirstStartIT {

    @Test
    void without_demo_data_the_first_admin_gets_a_random_password_printed_once(CapturedOutput output)
            throws SQLException {
        try (ConfigurableApplicationContext app = start(emptySchema("funnel_first_random"))) {
            Matcher logged = Pattern.compile("Created the first user 'admin' with the password: (\\S+)")
                    .matcher(output.getOut());
            assertThat(logged.find()).as("password logged").isTrue();
            String password = logged.group(1);
            assertThat(password).hasSize(20);
            assertThat(passwordMatches(app, password)).isTrue();
            assertThat(usernames(app)).containsExactly("admin");
        }
    }

    @Test
    void the_first_admin_takes_the_configured_password_and_it_is_not_logged(CapturedOutput output)
            throws SQLException {
        String url = emptySchema("funnel_first_configured");
        try (ConfigurableApplicationContext app = start(url, "--funnel.admin-password=a configured secret")) {
            assertThat(passwordMatches(app, "a configured secret")).isTrue();
            assertThat(output.getOut()).doesNotContain("a configured secret")
                    .contains("Created the first user 'admin' with the password from FUNNEL_ADMIN_PASSWORD");
        }
        try (ConfigurableApplicationContext again = start(url)) {
            assertThat(usernames(again)).as("a second start adds nobody").containsExactly("admin");
        }
    }

    @Test
    void an_external_database_gets_demo_data_only_when_asked(CapturedOutput output) throws SQLException {
        try (ConfigurableApplicationContext app = start(emptySchema("funnel_first_demo"), "--funnel.demo=true")) {
            assertThat(usernames(app)).containsExactlyInAnyOrder("admin", "marketing", "sales", "leadership",
                    "camila", "paulo", "beatriz", "tiago");
        }
    }

    @Test
    void a_company_in_portuguese_gets_its_first_definitions_in_portuguese_and_keeps_them(CapturedOutput output)
            throws SQLException {
        String url = emptySchema("funnel_first_pt");
        try (ConfigurableApplicationContext app = start(url, "--funnel.demo=true", "--funnel.language=pt-BR")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("SELECT name FROM definition_criterion WHERE version_number = 1 "
                    + "AND term = 'QUOTE' ORDER BY position", String.class))
                    .startsWith("Necessidade", "Habilidade de pagar", "Desejo", "Autoridade");
            assertThat(jdbc.queryForObject("SELECT body FROM definition_entry WHERE version_number = 1 AND term = 'LEAD'",
                    String.class)).startsWith("Um **lead** é alguém");
            assertThat(jdbc.queryForList("SELECT code FROM definition_criterion WHERE version_number = 1 "
                    + "AND term = 'QUOTE' ORDER BY position", String.class)).startsWith("need", "ability");
        }
        try (ConfigurableApplicationContext again = start(url, "--funnel.language=en")) {
            assertThat(again.getBean(JdbcTemplate.class).queryForObject("SELECT name FROM definition_criterion "
                    + "WHERE version_number = 1 AND code = 'need'", String.class))
                    .as("the language of version 1 never changes once chosen").isEqualTo("Necessidade");
        }
    }

    private static boolean passwordMatches(ConfigurableApplicationContext app, String password) {
        String hash = app.getBean(UserDetailsService.class).loadUserByUsername("admin").getPassword();
        return app.getBean(PasswordEncoder.class).matches(password, hash);
    }

    private static List<String> usernames(ConfigurableApplicationContext app) {
        return app.getBean(JdbcTemplate.class).queryForList("SELECT username FROM app_user", String.class);
    }

    private static ConfigurableApplicationContext start(String url, String... more) {
        // a name given twice on the command line would be read as both values joined, so merge first
        java.util.Map<String, String> args = new java.util.LinkedHashMap<>();
        EmbeddedMariaDb server = SharedTestDatabase.server();
        for (String arg : List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + server.username(),
                "--spring.datasource.password=" + server.password(), "--server.port=0", "--funnel.demo=", "--funnel.admin-password=")) {
            args.put(arg.substring(0, arg.indexOf('=')), arg);
        }
        for (String arg : more) {
            args.put(arg.substring(0, arg.indexOf('=')), arg);
        }
        return new SpringApplicationBuilder(Application.class).run(args.values().toArray(String[]::new));
    }

    /** A new, empty schema on the shared test server, as an external database would be. */
    private static String emptySchema(String name) throws SQLException {
        EmbeddedMariaDb server = SharedTestDatabase.server();
        String serverUrl = server.jdbcUrl().substring(0, server.jdbcUrl().lastIndexOf('/') + 1);
        try (Connection connection = DriverManager.getConnection(serverUrl, server.username(), server.password())) {
            connection.createStatement().execute("DROP DATABASE IF EXISTS " + name);
            connection.createStatement().execute(
                    "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        return serverUrl + name;
    }
}
