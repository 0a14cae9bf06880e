package app.funnel.demo;

/**
 * A feature's part of the demo data. Every Spring bean implementing this is called once, in
 * {@link #order()}, when Funnel loads demo data into an empty database, and by benchmarks that
 * ask for large volumes.
 */
public interface DemoDataContributor {

    /** Lower runs first: users before the records that users own. */
    int order();

    /** Adds this feature's records. Large volumes go through {@link DemoContext#batchUpdate}, not one save per row. */
    void contribute(DemoContext context);
}
