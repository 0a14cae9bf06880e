/**
 * The shell's global search: one box that finds leads, deals, accounts and contacts by name,
 * e-mail, phone (any format), company or deal name, accents and case ignored. The features that
 * own the records answer through {@link app.funnel.search.Searchable}, each on its own key columns
 * and access rules; this package knows no feature's tables.
 */
@org.jspecify.annotations.NullMarked
package app.funnel.search;
