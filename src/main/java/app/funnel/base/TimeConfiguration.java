package app.funnel.base;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Time, which every feature shares: the application's clock in the company's zone (a
 * {@code LocalDate.now(clock)} is the company's today), and scheduled work. A job marked
 * {@code @SchedulerLock} runs on one node at a time: ShedLock keeps a row per job in the database
 * (table {@code shedlock}), timed by the database's clock so that nodes whose clocks differ agree.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class TimeConfiguration {

    @Bean
    net.javacrumbs.shedlock.core.LockProvider lockProvider(javax.sql.DataSource dataSource) {
        return new net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider(
                net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider.Configuration.builder()
                        .withJdbcTemplate(new org.springframework.jdbc.core.JdbcTemplate(dataSource))
                        .usingDbTime()
                        .build());
    }

    @Bean
    Clock clock(CompanyZone zone) {
        return Clock.system(zone.id());
    }
}
