package app.funnel.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.funnel.Application;
import app.funnel.RestoresSecurityContextStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith({OutputCaptureExtension.class, RestoresSecurityContextStrategy.class})
class DatabaseStartIT {

    @Test
    void an_unreachable_external_database_is_reported_in_one_line_with_the_url_tried(CapturedOutput output) {
        String url = "jdbc:mariadb://127.0.0.1:9/funnel";
        assertThatThrownBy(() -> new SpringApplicationBuilder(Application.class)
                .run("--spring.datasource.url=" + url,
                        "--spring.datasource.username=funnel",
                        "--spring.datasource.password=secret",
                        "--server.port=0")).isNotNull();
        assertThat(output.getOut() + output.getErr())
                .containsPattern("Cannot reach the database at jdbc:mariadb://127\\.0\\.0\\.1:9/funnel: .+");
    }
}
