package app.funnel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.TestLogins;
import app.funnel.base.CsvExport;
import app.funnel.lead.LeadQuery;
import app.funnel.lead.LeadService;
import app.funnel.security.Role;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CSV export of every lead: {@code ./mvnw -Pbench verify -Dit.test=ExportBench}. While a million
 * leads are written (to a stream that counts and drops the bytes, as a slow client would not
 * change what the server holds), a sampler collects garbage every 100 ms and records the live heap;
 * the growth over the live heap before the export is what the export holds. Results in
 * {@code target/bench/export.json}.
 */
@BenchApp
class ExportBench {

    @org.springframework.beans.factory.annotation.Autowired
    app.funnel.lead.LeadExport exporter;

    static {
        BenchApp.Database.prepare();
    }

    @Autowired
    LeadService leads;

    @Test
    void export_of_a_million_leads_streams_in_little_heap() throws Exception {
        TestLogins.as("leadership", Role.LEADERSHIP);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        // one export first, so that classes and caches it loads are not counted as growth
        exporter.export(LeadQuery.all(), CsvExport.Delimiter.COMMA, OutputStream.nullOutputStream());
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (running.get()) {
                System.gc();
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        AtomicLong bytes = new AtomicLong();
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                bytes.incrementAndGet();
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes.addAndGet(len);
            }
        };
        long total = leads.count(LeadQuery.all());
        long start = System.nanoTime();
        long written = exporter.export(LeadQuery.all(), CsvExport.Delimiter.COMMA, counting);
        double ms = (System.nanoTime() - start) / 1e6;
        running.set(false);
        sampler.join();
        double growthMb = (peak.get() - baseline) / (1024.0 * 1024.0);
        System.out.printf(Locale.ROOT, "%nexport: %,d leads, %,d bytes in %,.0f ms; live heap before %,.1f MB, "
                        + "largest live heap during the export %,.1f MB: growth %,.1f MB%n", written, bytes.get(), ms,
                baseline / 1048576.0, peak.get() / 1048576.0, growthMb);
        assertThat(written).isEqualTo(total);
        Path dir = Files.createDirectories(Path.of("target/bench"));
        Files.writeString(dir.resolve("export.json"), String.format(Locale.ROOT, """
                [
                  {"case": "CSV export of all leads", "leads": %d, "bytes": %d, "app_ms": %.1f, \
                "live_heap_before_mb": %.1f, "live_heap_peak_mb": %.1f, "heap_growth_mb": %.1f}
                ]
                """, written, bytes.get(), ms, baseline / 1048576.0, peak.get() / 1048576.0, growthMb));
        assertThat(growthMb).isLessThan(50);
    }
}
