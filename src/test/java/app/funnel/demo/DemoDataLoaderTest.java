package app.funnel.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DemoDataLoaderTest {

    @Test
    void demo_data_with_its_published_password_only_on_a_server_that_listens_on_this_machine_alone() {
        assertThat(DemoDataLoader.wanted(new MockEnvironment().withProperty("server.address", "127.0.0.1"))).isTrue();
        assertThat(DemoDataLoader.wanted(new MockEnvironment().withProperty("server.address", "::1"))).isTrue();
        assertThat(DemoDataLoader.wanted(new MockEnvironment().withProperty("server.address", "0.0.0.0"))).isFalse();
        assertThat(DemoDataLoader.wanted(new MockEnvironment())).as("unset: every address").isFalse();
        assertThat(DemoDataLoader.wanted(new MockEnvironment().withProperty("server.address", "10.0.0.5"))).isFalse();
    }

    @Test
    void funnel_demo_said_explicitly_wins() {
        assertThat(DemoDataLoader.wanted(new MockEnvironment().withProperty("server.address", "0.0.0.0")
                .withProperty("funnel.demo", "true"))).isTrue();
        assertThat(DemoDataLoader.wanted(new MockEnvironment().withProperty("server.address", "127.0.0.1")
                .withProperty("funnel.demo", "false"))).isFalse();
        assertThat(DemoDataLoader.wanted(new MockEnvironment().withProperty("server.address", "127.0.0.1")
                .withProperty("spring.datasource.url", "jdbc:mariadb://db/funnel"))).as("external database").isFalse();
    }
}
