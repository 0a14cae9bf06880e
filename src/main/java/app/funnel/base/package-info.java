/**
 * What every feature shares: errors that the UI turns into messages, installation settings, time
 * (the company's zone, the clock, scheduling), CSV and bulk loads; {@code ui} holds the UI helpers
 * every view uses. An open module: every feature may use all of it, and it uses none of them.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package app.funnel.base;
