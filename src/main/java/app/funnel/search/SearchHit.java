package app.funnel.search;

import org.jspecify.annotations.Nullable;

/**
 * One record found: its kind and id, the line shown (a name), a second line (company, e-mail,
 * amount...), the translation key of its state ({@code status.SQL}, {@code stage.PROPOSAL}) and
 * the path of the view that opens it, e.g. {@code leads/12}.
 */
public record SearchHit(SearchKind kind, long id, String title, @Nullable String detail, @Nullable String stateKey,
                        String path) {
}
