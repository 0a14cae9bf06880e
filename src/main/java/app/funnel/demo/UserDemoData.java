package app.funnel.demo;

import app.funnel.base.Utc;
import app.funnel.base.DemoMode;
import app.funnel.security.Role;
import java.time.LocalDateTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** The demo users: one per role, all with the demo password. */
@Component
class UserDemoData implements DemoDataContributor {

    private final PasswordEncoder encoder;
    private final Clock clock;

    UserDemoData(PasswordEncoder encoder, Clock clock) {
        this.encoder = encoder;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public void contribute(DemoContext context) {
        record DemoUser(String username, String displayName, Role role) {
        }
        List<DemoUser> demo = new ArrayList<>(List.of(
                new DemoUser("admin", "Ana Admin", Role.ADMIN),
                new DemoUser("marketing", "Márcia Marketing", Role.MARKETING),
                new DemoUser("sales", "Sérgio Sales", Role.SALES),
                new DemoUser("leadership", "Lígia Leadership", Role.LEADERSHIP),
                // colleagues, so that leads have several owners and handoffs go round-robin
                new DemoUser("camila", "Camila Campos", Role.MARKETING),
                new DemoUser("paulo", "Paulo Pereira", Role.SALES),
                new DemoUser("beatriz", "Beatriz Barros", Role.SALES),
                new DemoUser("tiago", "Tiago Teixeira", Role.SALES)));
        // a hash of its own per user (its own salt): one cracked or copied hash opens no other account
        LocalDateTime now = Utc.of(clock.instant());
        context.batchUpdate("""
                INSERT INTO app_user (username, display_name, email, password_hash, enabled, created_at,
                                      updated_at, updated_by, version)
                VALUES (?, ?, ?, ?, TRUE, ?, ?, 'demo', 0)""", demo,
                u -> new Object[] {u.username(), u.displayName(), u.username() + "@demo.funnel.app",
                        encoder.encode(DemoMode.DEMO_PASSWORD), now, now});
        Map<String, Long> ids = new HashMap<>();
        context.jdbc().query("SELECT id, username FROM app_user",
                row -> { ids.put(row.getString("username"), row.getLong("id")); });
        context.batchUpdate("INSERT INTO app_user_role (user_id, role) VALUES (?, ?)",
                demo, u -> new Object[] {ids.get(u.username()), u.role().name()});
    }
}
