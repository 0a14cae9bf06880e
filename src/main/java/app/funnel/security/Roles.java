package app.funnel.security;

/**
 * Role names as compile-time constants, for {@code @RolesAllowed} on views and {@code @PreAuthorize} on
 * services (services use Spring's annotations: JSR-250 ones there would make Spring proxy the views too).
 * They match {@link Role} one to one (checked by a test).
 */
public final class Roles {

    public static final String MARKETING = "MARKETING";
    public static final String SALES = "SALES";
    public static final String LEADERSHIP = "LEADERSHIP";
    public static final String ADMIN = "ADMIN";

    /** Expressions for {@code @PreAuthorize} on service methods. */
    public static final String HAS_ADMIN = "hasRole('ADMIN')";
    public static final String IS_AUTHENTICATED = "isAuthenticated()";
    /** Leadership edits and publishes the definitions; administrators may do what leadership does. */
    public static final String HAS_LEADERSHIP_OR_ADMIN = "hasAnyRole('LEADERSHIP', 'ADMIN')";
    public static final String HAS_SALES_OR_LEADERSHIP = "hasAnyRole('SALES', 'LEADERSHIP')";
    /** Not a user's role: the web capture feature runs lead creation under it, after checking a form's key. */
    public static final String HAS_CAPTURE = "hasRole('CAPTURE')";
    /** Not a user's role: scheduled work (reminders, notification mails) runs under it ({@link SystemTask}). */
    public static final String HAS_SYSTEM = "hasRole('SYSTEM')";
    /** Public entry points (the web capture endpoint), which check their own credentials. */
    public static final String PERMIT_ALL = "permitAll()";
    public static final String HAS_MARKETING = "hasRole('MARKETING')";
    /** Who sees the lead funnel: leadership and admin all of it, marketing up to SQL. */
    public static final String HAS_FUNNEL = "hasAnyRole('LEADERSHIP', 'ADMIN', 'MARKETING')";
    /** Who sees the open pipeline: leadership and admin all of it, sales its own deals. */
    public static final String HAS_PIPELINE = "hasAnyRole('LEADERSHIP', 'ADMIN', 'SALES')";
    /** Who imports leads from CSV files. */
    public static final String HAS_IMPORT = "hasAnyRole('MARKETING', 'LEADERSHIP', 'ADMIN')";
    /** Any of Funnel's roles: a user who holds none sees nothing but their profile. */
    public static final String HAS_ANY_ROLE = "hasAnyRole('MARKETING', 'SALES', 'LEADERSHIP', 'ADMIN')";
    public static final String HAS_SALES = "hasRole('SALES')";
    public static final String HAS_MARKETING_OR_SALES = "hasAnyRole('MARKETING', 'SALES')";

    private Roles() {
    }
}
