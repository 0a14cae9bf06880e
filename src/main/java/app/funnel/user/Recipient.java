package app.funnel.user;

import java.util.Locale;

/** Whom Funnel writes to: a user's address and the language they last used (the company's when unknown). */
public record Recipient(long id, String username, String displayName, String email, Locale locale) {
}
