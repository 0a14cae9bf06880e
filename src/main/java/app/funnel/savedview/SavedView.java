package app.funnel.savedview;

import app.funnel.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * A saved view: its grid ({@code leads}, {@code opportunities}), name, the query string of the
 * grid's URL, and the role it is shared with (none: only its owner sees it).
 */
public record SavedView(long id, String grid, String name, String query, @Nullable Role sharedWith, long ownerId,
                        String ownerName, boolean mine) {
}
