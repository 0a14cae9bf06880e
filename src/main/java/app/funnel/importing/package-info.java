/** CSV import of leads: reading the file, mapping its columns, previewing, importing in the background, undo. */
@NullMarked
package app.funnel.importing;

import org.jspecify.annotations.NullMarked;
