package app.funnel.security;

/** The roles a Funnel user may hold; one user may hold several. */
public enum Role {
    MARKETING,
    SALES,
    LEADERSHIP,
    ADMIN;

    /** The Spring Security authority of this role, e.g. {@code ROLE_SALES}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
