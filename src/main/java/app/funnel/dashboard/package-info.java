/** The leadership dashboard: funnel figures computed from the summary tables the services keep. */
@NullMarked
package app.funnel.dashboard;

import org.jspecify.annotations.NullMarked;
