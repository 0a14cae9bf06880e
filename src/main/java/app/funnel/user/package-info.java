/**
 * Funnel's users: accounts, roles, passwords and their policy; {@code ui} holds user administration and the profile.
 */
@org.jspecify.annotations.NullMarked
package app.funnel.user;
