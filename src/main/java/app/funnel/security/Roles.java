package app.funnel.security;

/**
 * Role names as compile-time constants, for {@code @RolesAllowed} on views and services.
 * They match {@link Role} one to one (checked by a test).
 */
public final class Roles {

    public static final String MARKETING = "MARKETING";
    public static final String SALES = "SALES";
    public static final String LEADERSHIP = "LEADERSHIP";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
