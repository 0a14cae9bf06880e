/** The global search box of the shell (Ctrl/⌘+K), grouped by kind of record. */
@org.springframework.modulith.NamedInterface("ui")
@org.jspecify.annotations.NullMarked
package app.funnel.search.ui;
