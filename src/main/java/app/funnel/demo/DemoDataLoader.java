package app.funnel.demo;

import app.funnel.base.DemoMode;
import app.funnel.database.DatabaseMode;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo data into an empty database: by default on the embedded MariaDB (unless
 * {@code FUNNEL_DEMO=false}), on an external one only with {@code FUNNEL_DEMO=true}.
 * Empty means: no users yet.
 */
@Component
@Order(0)
public class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final Environment environment;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final List<DemoDataContributor> contributors;
    private final DemoMode demoMode;
    private volatile long lastLoadMillis = -1;

    DemoDataLoader(Environment environment, JdbcTemplate jdbc, TransactionTemplate transaction,
                   List<DemoDataContributor> contributors, DemoMode demoMode) {
        this.environment = environment;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.contributors = contributors.stream().sorted(Comparator.comparingInt(DemoDataContributor::order)).toList();
        this.demoMode = demoMode;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demoMode.isOn()) {
            log.warn("DEMO MODE: users admin, marketing, sales and leadership log in with the published password "
                    + "'{}'. Anyone who reaches this server can log in as admin; keep no real data here.",
                    DemoMode.DEMO_PASSWORD);
        }
        if (!wanted(environment)) {
            return;
        }
        Integer users = jdbc.queryForObject("SELECT COUNT(*) FROM app_user", Integer.class);
        if (users != null && users > 0) {
            log.debug("Database already holds users; no demo data loaded");
            return;
        }
        int scale = Math.max(1, environment.getProperty("funnel.demo.scale", Integer.class, 1));
        long started = System.nanoTime();
        load(scale);
        lastLoadMillis = (System.nanoTime() - started) / 1_000_000;
        log.info("Demo data at scale {} loaded in {} ms", scale, lastLoadMillis);
        demoMode.switchedOn();
        log.warn("DEMO MODE: demo data loaded; users admin, marketing, sales and leadership log in with the "
                + "published password '{}'. Anyone who reaches this server can log in as admin.", DemoMode.DEMO_PASSWORD);
    }

    /** How long the demo data took to load at this start, or -1 when none was loaded. */
    public long lastLoadMillis() {
        return lastLoadMillis;
    }

    /** Runs every contributor at the given scale, all in one transaction; benchmarks call it on an empty database. */
    public void load(int scale) {
        DemoContext context = new DemoContext(scale, jdbc);
        transaction.executeWithoutResult(status -> contributors.forEach(c -> c.contribute(context)));
    }

    /** Whether an empty database gets the demo data, from FUNNEL_DEMO, the database and the address listened on. */
    static boolean wanted(Environment environment) {
        String demo = environment.getProperty("funnel.demo", "");
        if ("true".equalsIgnoreCase(demo)) {
            return true;
        }
        if (!DatabaseMode.isEmbedded(environment) || "false".equalsIgnoreCase(demo)) {
            return false;
        }
        // the well-known demo password only on a server nobody else can reach, unless asked for by name
        if (!listensOnLoopbackOnly(environment.getProperty("server.address", ""))) {
            log.warn("No demo data: the server listens on {} (not only this machine) and FUNNEL_DEMO=true was not "
                    + "given; the first admin gets a password of its own instead",
                    environment.getProperty("server.address", "every address"));
            return false;
        }
        return true;
    }

    static boolean listensOnLoopbackOnly(String address) {
        if (address.isBlank()) {
            return false;
        }
        try {
            return java.net.InetAddress.getByName(address.strip()).isLoopbackAddress();
        } catch (java.net.UnknownHostException unknown) {
            return false;
        }
    }
}
