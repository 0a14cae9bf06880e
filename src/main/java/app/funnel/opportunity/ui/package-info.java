/** The opportunity grid, the funnel board and the opportunity dialog. */
@org.jspecify.annotations.NullMarked
package app.funnel.opportunity.ui;
