package io.lightsout.appliance.metrics;

import io.lightsout.appliance.jobs.JobRepository;
import io.lightsout.appliance.jobs.JobState;
import io.lightsout.appliance.security.Allow;
import io.lightsout.appliance.security.Role;
import io.lightsout.appliance.security.SessionStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Map;

/**
 * Prometheus text exposition (format 0.0.4) of JVM, HTTP and job figures. Needs authentication like the API (a
 * read-only API token in the scrape configuration), so the appliance's internals are not public.
 */
@Path("metrics")
public final class MetricsResource {
    private final HttpMetrics http;
    private final JobRepository jobs;
    private final SessionStore sessions;
    private final java.util.List<MetricsSource> sources;

    public MetricsResource(HttpMetrics http, JobRepository jobs, SessionStore sessions,
                           java.util.List<MetricsSource> sources) {
        this.http = http;
        this.jobs = jobs;
        this.sessions = sessions;
        this.sources = java.util.List.copyOf(sources);
    }

    @GET
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    @Allow({Role.ADMIN, Role.OPERATOR, Role.READONLY})
    public String scrape() {
        StringBuilder out = new StringBuilder(4096);
        jvm(out);
        http.render(out);
        out.append("# HELP lightsout_jobs Jobs by state.\n# TYPE lightsout_jobs gauge\n");
        for (Map.Entry<JobState, Long> e : jobs.countByState().entrySet()) {
            out.append("lightsout_jobs{state=\"").append(e.getKey().id()).append("\"} ").append(e.getValue())
                    .append('\n');
        }
        gauge(out, "lightsout_sessions_active", "Live portal sessions.", sessions.count());
        sources.forEach(s -> s.render(out));
        return out.toString();
    }

    private static void jvm(StringBuilder out) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
        out.append("# HELP jvm_memory_used_bytes Used JVM memory.\n# TYPE jvm_memory_used_bytes gauge\n")
                .append("jvm_memory_used_bytes{area=\"heap\"} ").append(heap.getUsed()).append('\n')
                .append("jvm_memory_used_bytes{area=\"nonheap\"} ").append(nonHeap.getUsed()).append('\n');
        gauge(out, "jvm_memory_max_bytes", "Maximum heap.", heap.getMax());
        gauge(out, "jvm_threads_live", "Live platform threads.", ManagementFactory.getThreadMXBean().getThreadCount());
        out.append("# HELP jvm_gc_collection_seconds_total Time spent in GC.\n")
                .append("# TYPE jvm_gc_collection_seconds_total counter\n");
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            out.append("jvm_gc_collection_seconds_total{gc=\"").append(gc.getName().replace("\"", ""))
                    .append("\"} ").append(gc.getCollectionTime() / 1000.0).append('\n');
        }
        gauge(out, "process_uptime_seconds", "Seconds since the JVM started.",
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
        gauge(out, "process_cpu_count", "Processors available.", Runtime.getRuntime().availableProcessors());
    }

    private static void gauge(StringBuilder out, String name, String help, double value) {
        MetricsSource.gauge(out, name, help, value);
    }
}
