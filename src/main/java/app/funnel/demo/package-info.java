/**
 * Demo and benchmark data: the demo users, leads (the hand-written ones and a million generated),
 * deals and their histories, loaded in bulk through each feature's public types and tables, in the
 * order of their {@link app.funnel.demo.DemoDataContributor}s, then every tally counted once. No
 * feature depends on this package.
 */
@org.jspecify.annotations.NullMarked
package app.funnel.demo;
