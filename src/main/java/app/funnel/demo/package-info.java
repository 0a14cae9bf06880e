/**
 * Demo and benchmark data: each feature contributes its records through {@link app.funnel.demo.DemoDataContributor}.
 */
@org.jspecify.annotations.NullMarked
package app.funnel.demo;
