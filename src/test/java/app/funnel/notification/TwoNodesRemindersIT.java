package app.funnel.notification;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.Application;
import app.funnel.RestoresSecurityContextStrategy;
import app.funnel.SharedTestDatabase;
import app.funnel.database.EmbeddedMariaDb;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two app nodes on one database, each with its scheduler, and a real SMTP server in the test JVM
 * (GreenMail): a due follow-up is reminded once and mailed once, in its assignee's language, and
 * what comes due within the mail window waits for one mail together.
 */
@ExtendWith(RestoresSecurityContextStrategy.class)
class TwoNodesRemindersIT {

    private GreenMail smtp;

    @BeforeEach
    void smtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void two_nodes_remind_and_mail_each_due_follow_up_once_in_the_assignees_language() throws Exception {
        String url = emptySchema("funnel_two_nodes");
        try (ConfigurableApplicationContext a = start(url); ConfigurableApplicationContext b = start(url)) {
            JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
            Map<String, Long> ids = new java.util.HashMap<>();
            jdbc.query("SELECT id, username FROM app_user", rs -> {
                ids.put(rs.getString(2), rs.getLong(1));
            });
            jdbc.update("UPDATE app_user SET language = 'pt-BR' WHERE username = 'sales'");
            long lead = jdbc.queryForObject("SELECT MIN(id) FROM leads", Long.class);
            dueNow(jdbc, lead, ids.get("sales"), "Ligar para a Rita");
            dueNow(jdbc, lead, ids.get("paulo"), "Call Rita back");

            assertThat(smtp.waitForIncomingEmail(30_000, 2)).as("two mails arrive").isTrue();
            Thread.sleep(4_000); // both nodes ran their jobs several times meanwhile
            MimeMessage[] mails = smtp.getReceivedMessages();
            assertThat(mails).hasSize(2);
            MimeMessage toSales = to(mails, "sales@demo.funnel.app");
            assertThat(toSales.getSubject()).isEqualTo("Funnel: um próximo passo vence agora");
            assertThat(bodyOf(toSales)).contains("Vence agora: Ligar para a Rita");
            assertThat(bodyOf(toSales)).contains("http://funnel.example/leads/" + lead).contains("Olá, Sérgio Sales,");
            MimeMessage toPaulo = to(mails, "paulo@demo.funnel.app");
            assertThat(toPaulo.getSubject()).isEqualTo("Funnel: a next step is due now");
            assertThat(bodyOf(toPaulo)).contains("Due now: Call Rita back");

            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE kind = 'FOLLOW_UP_DUE'", Integer.class))
                    .as("one reminder per follow-up, whichever node ran first").isEqualTo(2);
            assertThat(jdbc.queryForList("SELECT name FROM shedlock", String.class))
                    .contains("reminders", "notification-mail");

            // two more come due inside the mail window: they wait, then go together in one mail
            dueNow(jdbc, lead, ids.get("sales"), "Enviar a proposta");
            dueNow(jdbc, lead, ids.get("sales"), "Marcar a reunião");
            assertThat(smtp.waitForIncomingEmail(30_000, 3)).isTrue();
            Thread.sleep(4_000);
            mails = smtp.getReceivedMessages();
            assertThat(mails).as(describe(mails)).hasSize(3);
            MimeMessage batch = Arrays.stream(mails).filter(m -> bodyOf(m).contains("Enviar a proposta")).findFirst()
                    .orElseThrow(() -> new AssertionError(describe(smtp.getReceivedMessages())));
            assertThat(batch.getSubject()).isEqualTo("Funnel: 2 próximos passos vencem agora");
            assertThat(bodyOf(batch)).contains("Enviar a proposta").contains("Marcar a reunião");
            assertThat(b.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT COUNT(*) FROM notification WHERE mail_state = 'SENT'", Integer.class)).isEqualTo(4);
        }
    }

    /**
     * The mail server is down when a reminder's mail is due: the reminder is in the app at once, the
     * mail waits and is tried again (1 s, 2 s... here), and once the server is up it arrives, once.
     */
    @Test
    void a_mail_that_fails_while_the_mail_server_is_down_is_tried_again_and_sent_once_when_it_is_up() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort(); // nothing listens there until the test starts the server
        }
        String url = emptySchema("funnel_mail_retry");
        GreenMail later = null;
        try (ConfigurableApplicationContext app = start(url, port)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long sales = jdbc.queryForObject("SELECT id FROM app_user WHERE username = 'sales'", Long.class);
            long lead = jdbc.queryForObject("SELECT MIN(id) FROM leads", Long.class);
            dueNow(jdbc, lead, sales, "Call Rita while the mail is down");

            String attempts = "SELECT COALESCE(MAX(mail_attempts), 0) FROM notification WHERE kind = 'FOLLOW_UP_DUE' "
                    + "AND mail_state = 'PENDING'";
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
            while (jdbc.queryForObject(attempts, Integer.class) < 2 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(jdbc.queryForObject(attempts, Integer.class)).as("the mail was tried and tried again").isGreaterThanOrEqualTo(2);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE kind = 'FOLLOW_UP_DUE' AND read_at IS NULL",
                    Integer.class)).as("the reminder is in the app meanwhile").isEqualTo(1);

            later = new GreenMail(new com.icegreen.greenmail.util.ServerSetup(port, "127.0.0.1", "smtp"));
            later.start();
            assertThat(later.waitForIncomingEmail(60_000, 1)).as("the mail arrives once the server is up").isTrue();
            Thread.sleep(3_000); // the job ran several times meanwhile
            assertThat(later.getReceivedMessages()).hasSize(1);
            assertThat(bodyOf(later.getReceivedMessages()[0])).contains("Call Rita while the mail is down");
            assertThat(jdbc.queryForObject("SELECT mail_state FROM notification WHERE kind = 'FOLLOW_UP_DUE'", String.class))
                    .isEqualTo("SENT");
        } finally {
            if (later != null) {
                later.stop();
            }
        }
    }

    private static String describe(MimeMessage[] mails) {
        StringBuilder text = new StringBuilder();
        for (MimeMessage mail : mails) {
            try {
                text.append(Arrays.toString(mail.getRecipients(Message.RecipientType.TO))).append(": ")
                        .append(mail.getSubject()).append(" / ").append(bodyOf(mail)).append("\n");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return text.toString();
    }

    private static void dueNow(JdbcTemplate jdbc, long lead, long assignee, String title) {
        jdbc.update("INSERT INTO follow_up (record_type, record_id, title, due_at, assignee_id, created_at, created_by, "
                + "updated_at, updated_by) VALUES ('LEAD', ?, ?, DATE_SUB(UTC_TIMESTAMP(6), INTERVAL 1 SECOND), ?, "
                + "UTC_TIMESTAMP(6), 'test', UTC_TIMESTAMP(6), 'test')", lead, title, assignee);
    }

    private static String bodyOf(MimeMessage message) {
        try {
            return message.getContent().toString().replace("\r\n", "\n");
        } catch (java.io.IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MimeMessage to(MimeMessage[] mails, String address) {
        return Arrays.stream(mails).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(r -> r.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow(() -> new AssertionError("no mail to " + address));
    }

    private ConfigurableApplicationContext start(String url) {
        return start(url, smtp.getSmtp().getPort());
    }

    private static ConfigurableApplicationContext start(String url, int smtpPort) {
        EmbeddedMariaDb server = SharedTestDatabase.server();
        List<String> args = List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + server.username(),
                "--spring.datasource.password=" + server.password(), "--server.port=0", "--funnel.demo=true",
                "--funnel.admin-password=", "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort, "--funnel.notifications.mail-retry=1s",
                "--funnel.notifications.reminder-interval=300ms", "--funnel.notifications.mail-interval=300ms",
                "--funnel.notifications.mail-window=3s", "--funnel.notifications.public-url=http://funnel.example");
        return new SpringApplicationBuilder(Application.class).run(args.toArray(String[]::new));
    }

    private static String emptySchema(String name) throws java.sql.SQLException {
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
