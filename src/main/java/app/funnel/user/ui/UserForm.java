package app.funnel.user.ui;

import app.funnel.security.Role;
import java.util.EnumSet;
import java.util.Set;

/** The editable bean behind the user dialogs. */
public final class UserForm {

    private String username = "";
    private String displayName = "";
    private String email = "";
    private Set<Role> roles = EnumSet.noneOf(Role.class);
    private String password = "";

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public void setRoles(Set<Role> roles) {
        this.roles = roles;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
