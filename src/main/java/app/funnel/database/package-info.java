/**
 * Where Funnel's MariaDB comes from: the embedded server started for the default run, or an external one.
 */
@org.jspecify.annotations.NullMarked
package app.funnel.database;
