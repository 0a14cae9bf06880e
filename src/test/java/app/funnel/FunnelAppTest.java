package app.funnel;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one Spring test context of the suite: the whole app on a random port, on the shared test
 * MariaDB. Every integration test that needs the app uses this, so the context is built once.
 * (Two contexts in one JVM would each install Vaadin's security-context strategy globally, and the
 * older one's method security would stop seeing the test's logins.)
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.context.annotation.Import(TestClock.Config.class)
public @interface FunnelAppTest {
}
