package app.funnel.bench;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.util.FileSystemUtils;

/**
 * The benchmarks' Funnel: one throwaway embedded MariaDB under {@code target/bench/db}, filled by
 * the demo loader with {@code -Dbench.leads} leads (a million by default) and the deals of the
 * converted ones; shared by every benchmark of the run (one Spring context). {@code
 * -Dbench.reuse=true} keeps a filled database for the next run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "funnel.test.shared-db=false",
        "funnel.data-dir=target/bench/db",
        "funnel.demo=true",
        "funnel.demo.scale=${bench.scale}",
        "funnel.embedded-db.buffer-pool=2G",
        // the capture load test posts far more than a website would: no rate limit in the way
        "funnel.capture.per-key-per-minute=100000000",
        "funnel.capture.per-address-per-minute=100000000"})
@interface BenchApp {

    int LEADS = Integer.getInteger("bench.leads", 1_000_000);

    /** Run once per JVM, before the first context starts: a fresh database unless reused. */
    final class Database {
        private static boolean prepared;

        private Database() {
        }

        static synchronized void prepare() {
            if (prepared) {
                return;
            }
            prepared = true;
            System.setProperty("bench.scale", String.valueOf(Math.max(1, LEADS / 2_000)));
            if (!Boolean.getBoolean("bench.reuse")) {
                FileSystemUtils.deleteRecursively(Path.of("target/bench/db").toFile());
            }
        }
    }
}
