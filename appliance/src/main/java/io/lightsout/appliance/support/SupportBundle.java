package io.lightsout.appliance.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightsout.appliance.audit.AuditLog;
import io.lightsout.appliance.audit.AuditQuery;
import io.lightsout.appliance.config.ApplianceConfig;
import io.lightsout.appliance.jobs.JobRepository;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The troubleshooting bundle: logs, versions, configuration with secrets redacted, recent jobs and activity. It
 * holds no secret: the configuration's secret keys are redacted, the vault is not read, and logs and the activity
 * log never carry secrets in the first place (tested by grepping a bundle for a stored secret).
 */
public final class SupportBundle {
    private static final int RECENT_JOBS = 200;
    private static final int RECENT_AUDIT = 500;
    private final ApplianceConfig config;
    private final JobRepository jobs;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final String version;

    public SupportBundle(ApplianceConfig config, JobRepository jobs, AuditLog audit, ObjectMapper json, Clock clock,
                         String version) {
        this.config = config;
        this.jobs = jobs;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.version = version;
    }

    /** Writes the zip to {@code out}. */
    public void write(OutputStream out) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            text(zip, "versions.txt", versions());
            StringBuilder conf = new StringBuilder("# effective configuration; secrets redacted\n");
            config.redacted().forEach((k, v) -> conf.append(k).append('=').append(v).append('\n'));
            text(zip, "configuration.properties", conf.toString());
            text(zip, "jobs.json", json.writerWithDefaultPrettyPrinter().writeValueAsString(
                    jobs.list(null, 0, RECENT_JOBS).items()));
            text(zip, "audit.json", json.writerWithDefaultPrettyPrinter().writeValueAsString(
                    audit.find(new AuditQuery(null, null, null, null, null, 0, RECENT_AUDIT)).items()));
            Path logs = config.dataDir().resolve("logs");
            if (Files.isDirectory(logs)) {
                List<Path> files;
                try (Stream<Path> s = Files.list(logs)) {
                    files = s.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : files) {
                    zip.putNextEntry(new ZipEntry("logs/" + f.getFileName()));
                    Files.copy(f, zip);
                    zip.closeEntry();
                }
            }
        }
    }

    private String versions() {
        var rt = ManagementFactory.getRuntimeMXBean();
        return "lightsout " + version + "\n"
                + "generated " + clock.instant() + "\n"
                + "java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")\n"
                + "os " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + "\n"
                + "uptime " + rt.getUptime() / 1000 + " s\n"
                + "processors " + Runtime.getRuntime().availableProcessors() + "\n"
                + "heap max " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB\n";
    }

    private static void text(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
