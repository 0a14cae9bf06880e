package app.funnel;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * For test classes that start Funnel apps of their own beside the cached test contexts: each app
 * start installs its own global {@link SecurityContextHolderStrategy} (Vaadin's), while the cached
 * contexts' method security keeps the one it was built with. Putting the earlier one back keeps
 * later tests' logins visible to those contexts.
 */
public class RestoresSecurityContextStrategy implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RestoresSecurityContextStrategy.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put("strategy", SecurityContextHolder.getContextHolderStrategy());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        SecurityContextHolderStrategy before =
                context.getStore(NAMESPACE).get("strategy", SecurityContextHolderStrategy.class);
        if (before != null) {
            SecurityContextHolder.setContextHolderStrategy(before);
        }
    }
}
