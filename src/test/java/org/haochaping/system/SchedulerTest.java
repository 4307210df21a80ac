package org.haochaping.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.haochaping.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** db-scheduler runs recurring tasks from the Flyway-created table, on H2 and PostgreSQL alike. */
class SchedulerTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void recurringTaskRunsFromThePersistentTable() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        String name = "test-recurring-" + System.nanoTime();
        RecurringTask<Void> task = Tasks.recurring(name, FixedDelay.of(Duration.ofSeconds(1)))
                .execute((instance, context) -> ran.countDown());
        Scheduler scheduler = Scheduler.create(dataSource).startTasks(task).pollingInterval(Duration.ofMillis(200))
                .threads(1).build();
        scheduler.start();
        try {
            assertThat(ran.await(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            scheduler.stop();
        }
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = :n").param("n", name)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void administratorRunsAJobNow() {
        assertThat(api.bearer(api.login("admin"), "POST", "/api/v1/admin/jobs/nonce-cleanup/run", null).status())
                .isEqualTo(200);
        assertThat(api.bearer(api.login("supervisor"), "POST", "/api/v1/admin/jobs/nonce-cleanup/run", null).status())
                .isEqualTo(403);
        assertThat(api.bearer(api.login("admin"), "POST", "/api/v1/admin/jobs/no-such-job/run", null).status())
                .isEqualTo(404);
    }
}
