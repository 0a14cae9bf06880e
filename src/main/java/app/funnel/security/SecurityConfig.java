package app.funnel.security;

import app.funnel.security.ui.LoginView;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
class SecurityConfig {

    /**
     * Websites post leads to {@code /api/capture/**}: the form key in the URL is the credential
     * (CaptureService). A chain of its own without sessions, CSRF tokens or a saved-request cache,
     * which a public JSON endpoint has no use for and which cost every post; security headers stay.
     */
    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain captureFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/capture/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /** No tracing spans and timers around every security filter (a fifth of a capture post's time). */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings securityObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    /**
     * What Funnel's pages may load: only from Funnel itself. Vaadin runs server-sent JavaScript
     * ({@code executeJs}, hence 'unsafe-eval') and inline bootstrap and style attributes (hence
     * 'unsafe-inline'); ECharts draws on a canvas and needs nothing more; images may be data: URLs.
     * No other site may frame Funnel, and forms post only to Funnel.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self'; frame-src 'self'; frame-ancestors 'self'; form-action 'self'; "
            + "object-src 'none'; base-uri 'self'";

    @Bean
    @org.springframework.core.annotation.Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/icons/**", "/styles.css").permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy
                                .STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        // the login form has no CSRF token: its posts are taken from Funnel's own pages only
        http.addFilterBefore(new SameOriginLogin("/login"),
                org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class);
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
}
