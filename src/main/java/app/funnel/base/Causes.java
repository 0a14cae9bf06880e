package app.funnel.base;

import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** A failure and its causes, outermost first: where a refusal or a lost connection is found behind Spring's wrappers. */
public final class Causes {

    private Causes() {
    }

    /** The failure, its cause, that one's cause and so on (a cause that is its own cause ends it). */
    public static Stream<Throwable> of(Throwable problem) {
        return Stream.iterate(problem, t -> t != null, t -> t.getCause() == t ? null : t.getCause());
    }

    /** The outermost failure of the type in the chain, or null. */
    public static <T extends Throwable> @Nullable T find(Throwable problem, Class<T> type) {
        return of(problem).filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }
}
