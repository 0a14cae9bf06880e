/** The dashboard page. */
@NullMarked
package app.funnel.dashboard.ui;

import org.jspecify.annotations.NullMarked;
