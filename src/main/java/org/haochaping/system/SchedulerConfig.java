package org.haochaping.system;

import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/**
 * Builds the persistent, cluster-safe db-scheduler by hand (its starter stays inactive on Boot 4) after Flyway has
 * created its table, with one recurring task per {@link Job}.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfig {

    private static final Logger log = LoggerFactory.getLogger(SchedulerConfig.class);

    @Bean(initMethod = "start", destroyMethod = "stop")
    @DependsOn("flywayInitializer")
    @ConditionalOnProperty(name = "hcp.system.scheduler-enabled", havingValue = "true", matchIfMissing = true)
    Scheduler scheduler(DataSource dataSource, List<Job> jobs) {
        List<RecurringTask<Void>> tasks = jobs.stream()
                .map(job -> Tasks.recurring(job.name(), FixedDelay.of(job.interval()))
                        .execute((instance, context) -> log.info("Job {}: {}", job.name(), job.run())))
                .toList();
        return Scheduler.create(dataSource)
                .startTasks(tasks)
                .threads(2)
                .pollingInterval(java.time.Duration.ofSeconds(5))
                .registerShutdownHook()
                .build();
    }
}
