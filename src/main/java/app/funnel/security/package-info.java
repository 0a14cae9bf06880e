/**
 * Who may do what: roles, the one security configuration, login throttling and the current user.
 */
@org.jspecify.annotations.NullMarked
package app.funnel.security;
