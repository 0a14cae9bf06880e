package app.funnel.e2e;

import app.funnel.SharedTestDatabase;
import java.nio.file.Path;

/** Where browser tests leave screenshots for a person to look at: target/it/screens. */
final class SharedScreens {

    private SharedScreens() {
    }

    static Path path(String name) {
        return SharedTestDatabase.workDir().resolve("screens").resolve(name);
    }
}
