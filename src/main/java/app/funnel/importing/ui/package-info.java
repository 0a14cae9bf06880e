/** The import page. */
@NullMarked
package app.funnel.importing.ui;

import org.jspecify.annotations.NullMarked;
