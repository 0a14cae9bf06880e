package app.funnel.opportunity;

import app.funnel.statistics.Lifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tells the statistics how deals are counted: {@link Stage#LIFECYCLE}. */
@Configuration(proxyBeanMethods = false)
class DealLifecycle {

    @Bean
    Lifecycle dealStates() {
        return Stage.LIFECYCLE;
    }
}
