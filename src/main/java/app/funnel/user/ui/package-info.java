/**
 * User administration (ADMIN only) and everyone's own profile.
 */
@org.jspecify.annotations.NullMarked
package app.funnel.user.ui;
