package app.funnel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.TestLogins;
import app.funnel.base.DemoMode;
import app.funnel.base.ui.LiveUpdates;
import app.funnel.definition.DefinitionEntry;
import app.funnel.definition.DefinitionService;
import app.funnel.definition.Term;
import app.funnel.e2e.Chromium;
import app.funnel.security.Role;
import com.microsoft.playwright.Page;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Live updates at scale: {@code -Dbench.uis} (200) open home pages in Debian's headless Chromium,
 * spread over four sales users, each page listening for its user's notifications over push. A
 * published definition notifies every user; the benchmark times, in each page, when its bell's
 * count changed, from the moment the publishing transaction returned. It also reads the server's
 * heap after full collections with 10 and with all pages open: what one more listening page
 * costs. {@code ./mvnw -Pbench verify -Dit.test=PushBench}; writes {@code target/bench/push.json}.
 */
@BenchApp
class PushBench {

    static {
        BenchApp.Database.prepare();
    }

    static final List<String> USERS = List.of("sales", "paulo", "beatriz", "tiago");

    @LocalServerPort
    int port;
    @Autowired
    LiveUpdates live;
    @Autowired
    DefinitionService definitions;

    @Test
    void a_change_reaches_every_listening_page() throws Exception {
        // the pages must load the production bundle, as users get it (dev mode would build it in the browser's way)
        org.junit.jupiter.api.Assumptions.assumeTrue(productionBundle(),
                "PushBench runs with the production bundle: ./mvnw -Pbench,production verify -Dit.test=PushBench");
        int uis = Integer.getInteger("bench.uis", 200);
        int rounds = Integer.getInteger("bench.rounds", 5);
        String base = "http://localhost:" + port;
        List<Page> pages = new ArrayList<>();
        try (Chromium chromium = new Chromium()) {
            List<Page> first = new ArrayList<>();
            for (String user : USERS) {
                Page page = chromium.newPage("en-US", 1280, 800);
                Chromium.logIn(page, base, user, DemoMode.DEMO_PASSWORD);
                page.locator("#my-work").waitFor();
                first.add(page);
            }
            pages.addAll(first);
            long start = System.nanoTime();
            while (pages.size() < uis) {
                Page from = first.get(pages.size() % first.size());
                Page page = from.context().newPage();
                page.navigate(base + "/");
                page.locator("#my-work").waitFor();
                pages.add(page);
                if (pages.size() == 10) {
                    heapAt10 = heapAfterGc();
                    histogramAt10 = histogram();
                    listeningAt10 = live.listening();
                }
            }
            double openSeconds = (System.nanoTime() - start) / 1e9;
            long heapAtAll = heapAfterGc();
            writeHeapGrowth(histogramAt10, histogram(), uis - 10);
            int listeningAtAll = live.listening();
            double perUiKb = (heapAtAll - heapAt10) / 1024.0 / (uis - 10);
            System.out.printf(Locale.ROOT, "%n%d pages open in %.0f s; %d live subscriptions (%d at 10 pages)%n", uis,
                    openSeconds, listeningAtAll, listeningAt10);
            System.out.printf(Locale.ROOT, "server heap after GC: %.1f MB at 10 pages, %.1f MB at %d: %.1f KB per page%n",
                    heapAt10 / 1048576.0, heapAtAll / 1048576.0, uis, perUiKb);

            List<Double> all = new ArrayList<>();
            List<Double> worst = new ArrayList<>();
            List<Double> server = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                for (Page page : pages) {
                    page.evaluate("() => { window.__changed = 0; const count = document.getElementById('bell-count');"
                            + " window.__seen = count ? count.textContent + '|' + count.hidden : '';"
                            + " new MutationObserver(() => { if (!window.__changed) window.__changed = Date.now(); })"
                            + ".observe(count, {characterData: true, childList: true, subtree: true, attributes: true}); }");
                }
                long t0 = publish(round);
                long deadline = System.currentTimeMillis() + 30_000;
                double[] latencies = new double[pages.size()];
                for (int i = 0; i < pages.size(); i++) {
                    Page page = pages.get(i);
                    Object changed;
                    while (((Number) (changed = page.evaluate("() => window.__changed"))).longValue() == 0
                            && System.currentTimeMillis() < deadline) {
                        Thread.sleep(20);
                    }
                    long at = ((Number) changed).longValue();
                    latencies[i] = at == 0 ? Double.NaN : at - t0;
                }
                Arrays.sort(latencies);
                long missed = Arrays.stream(latencies).filter(Double::isNaN).count();
                assertThat(missed).as("pages whose bell did not change within 30 s").isZero();
                for (double l : latencies) {
                    all.add(l);
                }
                worst.add(latencies[latencies.length - 1]);
                LiveUpdates.Delivery delivery = live.lastDelivery().orElseThrow();
                server.add(delivery.millis());
                System.out.printf(Locale.ROOT, "round %d: in the browsers p50 %.0f ms, p95 %.0f ms, all %d pages %.0f ms; "
                                + "server fan-out to %d subscribers %.0f ms%n", round + 1,
                        latencies[latencies.length / 2], latencies[(int) Math.ceil(latencies.length * 0.95) - 1],
                        latencies.length, latencies[latencies.length - 1], delivery.subscribers(), delivery.millis());
            }
            double[] sorted = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double p50 = sorted[sorted.length / 2];
            double p95 = sorted[(int) Math.ceil(sorted.length * 0.95) - 1];
            double toAll = Bench.median(worst);
            double serverToAll = Bench.median(server);
            System.out.printf(Locale.ROOT, "over %d rounds: p50 %.0f ms, p95 %.0f ms, median time to reach all %d pages %.0f ms "
                    + "(server side: every screen updated after %.0f ms)%n", rounds, p50, p95, uis, toAll, serverToAll);
            Path dir = Path.of("target/bench");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("push.json"), String.format(Locale.ROOT,
                    "{\"pages\": %d, \"rounds\": %d, \"p50_ms\": %.1f, \"p95_ms\": %.1f, \"to_all_median_ms\": %.1f, "
                            + "\"server_fan_out_median_ms\": %.1f, \"heap_per_page_kb\": %.1f, \"heap_at_10_mb\": %.1f, \"heap_at_all_mb\": %.1f, "
                            + "\"subscriptions\": %d, \"open_seconds\": %.1f}%n",
                    uis, rounds, p50, p95, toAll, serverToAll, perUiKb, heapAt10 / 1048576.0, heapAtAll / 1048576.0, listeningAtAll,
                    openSeconds));
        }
    }

    private long heapAt10;
    private java.util.Map<String, long[]> histogramAt10;

    /** Live objects per class (after a full collection): instances and bytes. */
    private static java.util.Map<String, long[]> histogram() throws Exception {
        var server = ManagementFactory.getPlatformMBeanServer();
        String text = (String) server.invoke(new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
                "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
        java.util.Map<String, long[]> byClass = new java.util.HashMap<>();
        for (String line : text.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 4 && parts[0].endsWith(":")) {
                byClass.put(parts[3], new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
            }
        }
        return byClass;
    }

    /** What one more open page adds, per class, biggest first: where the heap per page goes. */
    private static void writeHeapGrowth(java.util.Map<String, long[]> before, java.util.Map<String, long[]> after, int pages)
            throws java.io.IOException {
        StringBuilder out = new StringBuilder("bytes per page  instances per page  class\n");
        after.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), new long[] {
                        e.getValue()[0] - before.getOrDefault(e.getKey(), new long[2])[0],
                        e.getValue()[1] - before.getOrDefault(e.getKey(), new long[2])[1]}))
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(40)
                .forEach(e -> out.append(String.format(Locale.ROOT, "%14.0f  %18.1f  %s%n",
                        e.getValue()[1] / (double) pages, e.getValue()[0] / (double) pages, e.getKey())));
        System.out.println(out);
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/bench"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/bench/push-heap.txt"), out);
    }
    private int listeningAt10;

    /** Publishes a new definitions version (every user is notified); returns when its transaction has committed. */
    private long publish(int round) {
        TestLogins.as("leadership", Role.LEADERSHIP);
        try {
            var draft = definitions.draft(Term.LEAD);
            DefinitionEntry entry = draft.entry();
            definitions.saveDraft(new DefinitionEntry(entry.term(), entry.body() + "\n\nPush benchmark round " + round + ".",
                    entry.examples(), entry.criteria(), entry.probability(), entry.slaHours()), draft.rowVersion());
            definitions.publish("Push benchmark, round " + (round + 1));
            return System.currentTimeMillis();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** The production profile leaves Vaadin's dev server out of the class path. */
    private static boolean productionBundle() {
        try {
            Class.forName("com.vaadin.base.devserver.DevModeHandlerManagerImpl");
            return false;
        } catch (ClassNotFoundException devServerLeftOut) {
            return true;
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
