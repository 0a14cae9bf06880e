package app.funnel.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A benchmark's table: each case measured through the application and beside it by the best plain
 * JDBC we can write (the floor), as medians over several runs after a warm-up. Printed, and written
 * to {@code target/bench/<name>.json} as {@code [{"case", "app_ms", "floor_ms", "runs"}]}.
 */
final class Bench {

    record Result(String name, double appMs, double floorMs, int runs) {
        double ratio() {
            return floorMs <= 0 ? 0 : appMs / floorMs;
        }
    }

    private final String name;
    private final int runs;
    private final int warmups;
    private final List<Result> results = new ArrayList<>();

    Bench(String name, int runs, int warmups) {
        this.name = name;
        this.runs = runs;
        this.warmups = warmups;
    }

    /** {@code -Dbench.cases=regex}: only the cases whose name matches are measured (the rest print nothing). */
    private static final java.util.regex.@org.jspecify.annotations.Nullable Pattern CASES =
            System.getProperty("bench.cases") == null ? null : java.util.regex.Pattern.compile(System.getProperty("bench.cases"));

    /** Measures both sides alternately, so that neither gets a warmer cache than the other. */
    Result measure(String caseName, Supplier<?> app, Supplier<?> floor) {
        if (CASES != null && !CASES.matcher(caseName).find()) {
            return new Result(caseName, 0, 0, 0);
        }
        for (int i = 0; i < warmups; i++) {
            app.get();
            floor.get();
        }
        double[] appTimes = new double[runs];
        double[] floorTimes = new double[runs];
        for (int i = 0; i < runs; i++) {
            appTimes[i] = time(app);
            floorTimes[i] = time(floor);
        }
        Result result = new Result(caseName, median(appTimes), median(floorTimes), runs);
        results.add(result);
        System.out.printf(Locale.ROOT, "%-58s %9.2f %9.2f %6.2f%n", caseName, result.appMs(), result.floorMs(),
                result.ratio());
        return result;
    }

    /** Records a case timed by the caller (for cases too long to repeat many times, like an import). */
    Result add(String caseName, double appMs, double floorMs, int measuredRuns) {
        Result result = new Result(caseName, appMs, floorMs, measuredRuns);
        results.add(result);
        System.out.printf(Locale.ROOT, "%-58s %9.2f %9.2f %6.2f%n", caseName, result.appMs(), result.floorMs(),
                result.ratio());
        return result;
    }

    static double median(List<Double> values) {
        return median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    void header() {
        System.out.printf(Locale.ROOT, "%-58s %9s %9s %6s%n", "case (" + name + ")", "app_ms", "floor_ms", "ratio");
    }

    List<Result> results() {
        return results;
    }

    Path write(Path dir) {
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            json.append(String.format(Locale.ROOT, "  {\"case\": \"%s\", \"app_ms\": %.3f, \"floor_ms\": %.3f, \"runs\": %d}%s%n",
                    r.name().replace("\"", "\\\""), r.appMs(), r.floorMs(), r.runs(), i + 1 < results.size() ? "," : ""));
        }
        json.append("]\n");
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".json");
            Files.writeString(file, json);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The floor's plain JDBC: a prepared statement, every column of every row read with getObject. */
    static List<Object[]> rows(javax.sql.DataSource dataSource, String sql, List<Object> args) {
        try (java.sql.Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                statement.setObject(i + 1, args.get(i));
            }
            List<Object[]> rows = new ArrayList<>();
            try (java.sql.ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double time(Supplier<?> work) {
        long start = System.nanoTime();
        Object result = work.get();
        long elapsed = System.nanoTime() - start;
        if (result == null) {
            throw new IllegalStateException("a measured call returned nothing");
        }
        return elapsed / 1_000_000.0;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
