package io.lightsout.appliance.jobs;

import io.lightsout.appliance.audit.AuditLog;
import io.lightsout.appliance.error.ApplianceException;
import io.lightsout.appliance.error.ErrorReference;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs: each target on a virtual thread, bounded per job by its type's concurrency and overall by a global
 * limit. Jobs and targets are rows in the database, so progress survives a restart; {@link #recover} resumes
 * idempotent jobs and closes destructive ones without repeating them.
 */
public final class JobEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobEngine.class);
    private final JobRepository repository;
    private final JobTypeRegistry types;
    private final AuditLog audit;
    private final Semaphore global;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("job-", 0).factory());
    private final Set<Long> cancelled = ConcurrentHashMap.newKeySet();
    private final Map<Long, Boolean> running = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public JobEngine(JobRepository repository, JobTypeRegistry types, AuditLog audit, int globalConcurrency) {
        if (globalConcurrency < 1) {
            throw new IllegalArgumentException("jobs.concurrency must be at least 1");
        }
        this.repository = repository;
        this.types = types;
        this.audit = audit;
        this.global = new Semaphore(globalConcurrency);
    }

    /**
     * Queues a job and starts it.
     *
     * @param type       a registered job type name
     * @param parameters JSON text for the type, or null
     * @param targets    the targets, at least one, unique
     * @param createdBy  the caller's name (audited)
     * @param source     the caller's address (audited), or null
     * @return the job id
     */
    public long submit(String type, String parameters, List<String> targets, String createdBy, String source) {
        JobType jt = types.find(type).orElseThrow(() -> ApplianceException.BadRequest.field("type",
                "No job type '" + type + "'"));
        if (targets.isEmpty() || Set.copyOf(targets).size() != targets.size()) {
            throw ApplianceException.BadRequest.field("targets", "At least one target, each named once.");
        }
        long id = repository.create(type, parameters, createdBy, targets);
        audit.success(createdBy, "job.create", "job " + id, type + ", " + targets.size() + " targets",
                source);
        start(id, jt, parameters);
        return id;
    }

    /** Asks a job to stop: targets not yet started are cancelled, running ones finish or check the flag. */
    public void cancel(long id, String by, String source) {
        Job job = repository.find(id).orElseThrow(() -> new ApplianceException.NotFound("No job " + id));
        if (job.state().isFinal()) {
            throw new ApplianceException.Conflict("Job " + id + " is already " + job.state().id());
        }
        repository.requestCancel(id);
        cancelled.add(id);
        audit.success(by, "job.cancel", "job " + id, null, source);
        if (!running.containsKey(id)) {
            repository.moveTargets(id, "queued", "cancelled", "cancelled by " + by);
            repository.finish(id);
        }
    }

    /**
     * Picks up jobs left unfinished by a previous process: idempotent ones re-run their interrupted and queued
     * targets; destructive ones record interrupted and not-started targets as failed, with the reason.
     */
    public void recover() {
        for (JobRepository.Unfinished u : repository.unfinished()) {
            JobType jt = types.find(u.type()).orElse(null);
            if (jt == null) {
                repository.moveTargets(u.id(), "running", "failed", "job type '" + u.type() + "' is not available");
                repository.moveTargets(u.id(), "queued", "failed", "job type '" + u.type() + "' is not available");
                repository.finish(u.id());
            } else if (jt.idempotent()) {
                repository.moveTargets(u.id(), "running", "queued", "resumed after an appliance restart");
                LOG.info("Resuming job {} ({}) after a restart", u.id(), u.type());
                if (repository.cancelRequested(u.id())) {
                    cancelled.add(u.id());
                }
                start(u.id(), jt, u.parameters());
            } else {
                repository.moveTargets(u.id(), "running", "failed", "interrupted by an appliance restart; not "
                        + "repeated because '" + u.type() + "' is not idempotent");
                repository.moveTargets(u.id(), "queued", "failed", "not started before an appliance restart; "
                        + "destructive jobs are not resumed: submit it again if still wanted");
                LOG.warn("Job {} ({}) was interrupted by a restart and is closed without repeating it", u.id(),
                        u.type());
                repository.finish(u.id());
            }
        }
    }

    private void start(long id, JobType type, String parameters) {
        running.put(id, Boolean.TRUE);
        executor.submit(() -> runJob(id, type, parameters));
    }

    private void runJob(long id, JobType type, String parameters) {
        try {
            repository.markRunning(id);
            Semaphore perJob = new Semaphore(type.concurrency());
            JobContext ctx = new JobContext(id, parameters, () -> closed || cancelled.contains(id));
            List<Thread> threads = new java.util.ArrayList<>();
            for (String target : repository.targetsIn(id, "queued")) {
                perJob.acquire();
                if (ctx.cancelled()) {
                    perJob.release();
                    break;
                }
                global.acquire();
                threads.add(Thread.ofVirtual().name("job-" + id + "-" + target).start(() -> {
                    try {
                        runTarget(ctx, type, target);
                    } finally {
                        global.release();
                        perJob.release();
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            if (closed) {
                return; // the process is stopping: leave the job for recover() on the next start
            }
            if (cancelled.contains(id)) {
                repository.moveTargets(id, "queued", "cancelled", "cancelled");
            }
            JobState end = repository.finish(id);
            LOG.info("Job {} ({}) finished: {}", id, type.name(), end.id());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Job {} failed in the engine", id, e);
        } finally {
            running.remove(id);
            cancelled.remove(id);
        }
    }

    private void runTarget(JobContext ctx, JobType type, String target) {
        repository.updateTarget(ctx.jobId(), target, "running", null, null);
        TargetResult r;
        try {
            r = type.run(ctx, target);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ApplianceException e) {
            r = TargetResult.failed("error", e.getMessage()); // written for the operator
        } catch (Exception e) {
            r = TargetResult.failed("error", ErrorReference.log(LOG, "job " + ctx.jobId() + " (" + type.name()
                    + ") target " + target, e));
        }
        if (closed) {
            return;
        }
        repository.updateTarget(ctx.jobId(), target, r.succeeded() ? "succeeded" : "failed", r.status(), r.reason());
    }

    /** True while a job is being worked on by this process. */
    public boolean isRunning(long id) {
        return running.containsKey(id);
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
