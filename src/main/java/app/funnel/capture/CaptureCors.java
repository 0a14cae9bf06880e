package app.funnel.capture;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CORS per capture form: a browser on one of the form's allowed websites may post and read the
 * answer (its preflight request is answered here); other websites get no CORS headers, so the
 * browser keeps the answer from them, and their posts are refused (403) by the endpoint.
 */
@Configuration(proxyBeanMethods = false)
class CaptureCors {

    /**
     * No request timer per web-capture post: the capture forms page counts each form's posts, and
     * at hundreds of posts a second the timers cost more than they tell.
     */
    @Bean
    io.micrometer.observation.ObservationPredicate noCaptureRequestObservations() {
        return (name, context) -> !(context instanceof org.springframework.http.server.observation.ServerRequestObservationContext request
                && request.getCarrier() != null && request.getCarrier().getRequestURI().startsWith("/api/capture/"));
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> captureCorsFilter(CaptureService capture) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if ("OPTIONS".equals(request.getMethod())) {
                    long wait = capture.preflightWaitSeconds(request.getRemoteAddr());
                    if (wait > 0) {
                        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait));
                        response.setStatus(429);
                        return;
                    }
                }
                String origin = request.getHeader(HttpHeaders.ORIGIN);
                String path = request.getRequestURI();
                String key = path.substring(path.lastIndexOf('/') + 1);
                boolean allowed = origin != null && capture.activeForm(key)
                        .map(form -> form.allows(origin.toLowerCase(Locale.ROOT))).orElse(false);
                if (allowed) {
                    response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
                    response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
                }
                if ("OPTIONS".equals(request.getMethod())) {
                    if (allowed) {
                        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "POST");
                        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type");
                        response.setHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "3600");
                    }
                    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns("/api/capture/*");
        registration.setName("captureCors");
        return registration;
    }
}
