package app.funnel.lead;

import app.funnel.statistics.Lifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tells the statistics how leads are counted: {@link LeadStatus#LIFECYCLE}. */
@Configuration(proxyBeanMethods = false)
class LeadLifecycle {

    @Bean
    Lifecycle leadStates() {
        return LeadStatus.LIFECYCLE;
    }
}
