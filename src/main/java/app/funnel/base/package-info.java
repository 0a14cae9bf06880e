/**
 * What every feature shares: errors that the UI turns into messages, installation settings; {@code ui} holds the shell.
 */
@org.jspecify.annotations.NullMarked
package app.funnel.base;
