package app.funnel.security;

import app.funnel.security.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/** The one security configuration: Vaadin's login view, method security on services, the throttle. */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
@EnableScheduling
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/icons/**", "/styles.css").permitAll()
                // websites post leads here: the form key in the URL is the credential (CaptureService)
                .requestMatchers("/api/capture/**").permitAll());
        http.csrf(csrf -> csrf.ignoringRequestMatchers("/api/capture/**"));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    ThrottlingAuthenticationProvider authenticationProvider(UserDetailsService users, PasswordEncoder encoder,
                                                            LoginThrottle throttle) {
        return new ThrottlingAuthenticationProvider(users, encoder, throttle);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
