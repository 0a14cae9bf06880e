package app.funnel.capture.ui;

import static org.assertj.core.api.Assertions.assertThat;

import app.funnel.FunnelAppTest;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@FunnelAppTest
class CaptureFormsViewIT extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails("admin")
    void admin_creates_a_form_and_gets_the_snippet_to_paste_with_its_key_and_honeypot() {
        navigate(CaptureFormsView.class);
        String name = "Contact page " + System.nanoTime();
        test(find(Button.class).withId("new-capture-form").single()).click();
        test(find(TextField.class).withId("capture-name").single()).setValue(name);
        test(find(TextArea.class).withId("capture-origins").single()).setValue("https://www.acme.example\nnot a site");
        test(find(Button.class).withId("save-capture-form").single()).click();
        TextArea origins = find(TextArea.class).withId("capture-origins").single();
        assertThat(origins.isInvalid()).isTrue();
        assertThat(origins.getErrorMessage()).contains("is not a website origin");

        test(origins).setValue("https://www.acme.example/");
        test(find(Button.class).withId("save-capture-form").single()).click();
        String key = jdbc.queryForObject("SELECT form_key FROM capture_form WHERE name = ?", String.class, name);
        assertThat(find(Paragraph.class).withId("capture-endpoint").single().getText()).endsWith("/api/capture/" + key);
        String snippet = find(TextArea.class).withId("capture-snippet").single().getValue();
        assertThat(snippet).contains("/api/capture/" + key, "name=\"website\"", "name=\"consentText\"");
        assertThat(jdbc.queryForObject("SELECT allowed_origins FROM capture_form WHERE name = ?", String.class, name))
                .isEqualTo("https://www.acme.example");

        // the same form, tried from the page: a frame holding the snippet that posts to the endpoint
        test(find(Button.class).withId("try-capture-form").single()).click();
        com.vaadin.flow.component.html.IFrame frame = find(com.vaadin.flow.component.html.IFrame.class)
                .withId("capture-try-frame").single();
        assertThat(frame.getSrcdoc()).isPresent();
        assertThat(frame.getSrcdoc().orElseThrow()).contains(snippet);
    }
}
