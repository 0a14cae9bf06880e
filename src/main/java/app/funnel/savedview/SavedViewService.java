package app.funnel.savedview;

import app.funnel.base.InvalidInputException;
import app.funnel.base.RefusedException;
import app.funnel.base.Utc;
import app.funnel.security.CurrentUser;
import app.funnel.security.Role;
import app.funnel.security.Roles;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Saves, lists and deletes the named views of the lead and deal grids. */
@Service
public class SavedViewService {

    /** The grids that have views, by their route. */
    public static final Set<String> GRIDS = Set.of("leads", "opportunities");

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final app.funnel.user.UserService users;

    SavedViewService(JdbcTemplate jdbc, Clock clock, app.funnel.user.UserService users) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.users = users;
    }

    /** My views of the grid and those shared with one of my roles, by name. */
    @Transactional(readOnly = true)
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public List<SavedView> list(String grid) {
        CurrentUser me = CurrentUser.require();
        long myId = users.currentId();
        List<String> roles = me.roles().stream().map(Role::name).toList();
        String in = String.join(",", roles.stream().map(r -> "?").toList());
        Object[] args = new Object[2 + roles.size()];
        args[0] = grid;
        args[1] = myId;
        for (int i = 0; i < roles.size(); i++) {
            args[2 + i] = roles.get(i);
        }
        return jdbc.query("SELECT v.id, v.grid, v.name, v.query, v.shared_role, v.owner_id, u.display_name "
                        + "FROM saved_view v JOIN app_user u ON u.id = v.owner_id WHERE v.grid = ? AND (v.owner_id = ?"
                        + (roles.isEmpty() ? "" : " OR v.shared_role IN (" + in + ")") + ") ORDER BY v.name, v.id",
                (rs, n) -> new SavedView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5) == null ? null : Role.valueOf(rs.getString(5)), rs.getLong(6), rs.getString(7),
                        rs.getLong(6) == myId), args);
    }

    /**
     * Saves the grid's state under a name; a view of mine with that name is replaced. Sharing with
     * a role is for leadership.
     */
    @Transactional
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public SavedView save(String grid, String name, String query, @Nullable Role sharedWith) {
        CurrentUser me = CurrentUser.require();
        if (!GRIDS.contains(grid)) {
            throw new InvalidInputException("grid", "views.error.grid");
        }
        String title = name == null ? "" : name.strip();
        if (title.isEmpty()) {
            throw new InvalidInputException("name", "views.error.name-required");
        }
        if (title.length() > 80) {
            throw new InvalidInputException("name", "field.too-long", 80);
        }
        String state = query == null ? "" : query.strip();
        if (state.length() > 2000) {
            throw new InvalidInputException("query", "views.error.too-long");
        }
        if (sharedWith != null && !me.has(Role.LEADERSHIP)) {
            throw new RefusedException("views.error.share-leadership");
        }
        var now = Utc.of(clock.instant());
        jdbc.update("INSERT INTO saved_view (owner_id, grid, name, query, shared_role, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE query = VALUES(query), "
                        + "shared_role = VALUES(shared_role), updated_at = VALUES(updated_at)",
                users.currentId(), grid, title, state, sharedWith == null ? null : sharedWith.name(), now, now);
        return list(grid).stream().filter(v -> v.mine() && v.name().equals(title)).findFirst().orElseThrow();
    }

    /** Deletes a view of mine (leadership and admins delete any, a shared view left by someone gone). */
    @Transactional
    @PreAuthorize(Roles.HAS_ANY_ROLE)
    public void delete(long id) {
        CurrentUser me = CurrentUser.require();
        int deleted = me.has(Role.LEADERSHIP) || me.has(Role.ADMIN)
                ? jdbc.update("DELETE FROM saved_view WHERE id = ?", id)
                : jdbc.update("DELETE FROM saved_view WHERE id = ? AND owner_id = ?", id, users.currentId());
        if (deleted == 0) {
            throw new RefusedException("views.error.not-yours");
        }
    }
}
