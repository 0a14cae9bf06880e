package app.funnel.base;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Time, which every feature shares: the application's clock in the company's zone (a
 * {@code LocalDate.now(clock)} is the company's today), and scheduled work.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class TimeConfiguration {

    @Bean
    Clock clock(CompanyZone zone) {
        return Clock.system(zone.id());
    }
}
