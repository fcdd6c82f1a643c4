package io.lightsout.appliance.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Persisted schedules on db-scheduler (table {@code scheduled_tasks}): what must happen at a time survives a
 * restart and runs once even with several appliances on one PostgreSQL. Schedules only start jobs; the work itself
 * is a job in the {@link JobEngine}, so it has progress, targets and an audit trail.
 */
public final class JobScheduler implements AutoCloseable {
    /** The daily self-test, 03:00 UTC. */
    public static final String DAILY_SELF_TEST = "daily-self-test";
    private final Scheduler scheduler;

    /**
     * @param dataSource the appliance database
     * @param engine     where scheduled work becomes jobs
     * @param tasks      further tasks of later capabilities (e.g. one-time campaign starts), known before start
     */
    public JobScheduler(DataSource dataSource, JobEngine engine, List<Task<?>> tasks) {
        RecurringTask<Void> selfTest = Tasks.recurring(DAILY_SELF_TEST, Schedules.daily(ZoneOffset.UTC,
                LocalTime.of(3, 0))).execute((instance, context) -> engine.submit(SelfTestJob.NAME, null,
                SelfTestJob.CHECKS, "scheduler", null));
        this.scheduler = Scheduler.create(dataSource, new ArrayList<>(tasks)).startTasks(selfTest).threads(8)
                .pollingInterval(Duration.ofSeconds(10)).shutdownMaxWait(Duration.ofSeconds(5))
                // a wake campaign runs for hours inside its task: after a crash its execution is revived once its
                // heartbeat is 4 x 5 s old (not the default 6 x 5 min), and "start now" runs without waiting a poll
                .heartbeatInterval(Duration.ofSeconds(5)).missedHeartbeatsLimit(4).enableImmediateExecution().build();
    }

    public void start() {
        scheduler.start();
    }

    /** The db-scheduler instance, for scheduling one-time task instances. */
    public Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        scheduler.stop();
    }
}
