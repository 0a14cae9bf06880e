/**
 * The backups page (ADMIN only).
 */
@org.jspecify.annotations.NullMarked
package app.funnel.database.ui;
