package io.lightsout.appliance;

import com.github.kagkarlsson.scheduler.task.Task;
import io.lightsout.appliance.api.ApiApplication;
import io.lightsout.appliance.api.AuditResource;
import io.lightsout.appliance.api.AuthenticationFilter;
import io.lightsout.appliance.api.CredentialProfileResource;
import io.lightsout.appliance.api.HealthResource;
import io.lightsout.appliance.api.CampaignResource;
import io.lightsout.appliance.api.GroupResource;
import io.lightsout.appliance.api.DiscoveryResource;
import io.lightsout.appliance.api.InventoryResource;
import io.lightsout.appliance.api.JobResource;
import io.lightsout.appliance.api.NodeResource;
import io.lightsout.appliance.api.PowerActionResource;
import io.lightsout.appliance.bmc.BmcExecutor;
import io.lightsout.appliance.bmc.CallLimits;
import io.lightsout.appliance.bmc.DriverRegistry;
import io.lightsout.appliance.bmc.NodeType;
import io.lightsout.appliance.bmc.ProfileDriver;
import io.lightsout.appliance.bmc.ReachabilityProber;
import io.lightsout.appliance.bmc.WolOnlyDriver;
import io.lightsout.appliance.bmc.wsman.AmtPowerProfile;
import io.lightsout.appliance.bmc.wsman.IdracPowerProfile;
import io.lightsout.appliance.nodes.DiscoveryJob;
import io.lightsout.appliance.nodes.InventoryJob;
import io.lightsout.appliance.nodes.NodeAdmission;
import io.lightsout.appliance.nodes.NodeGroups;
import io.lightsout.appliance.nodes.NodeRegistry;
import io.lightsout.appliance.nodes.NodeTargets;
import io.lightsout.appliance.power.InFlightActions;
import io.lightsout.appliance.power.PowerActions;
import io.lightsout.appliance.power.PowerPolicy;
import io.lightsout.appliance.power.PowerService;
import io.lightsout.appliance.power.PowerSync;
import io.lightsout.appliance.power.Sleeper;
import io.lightsout.appliance.power.campaigns.CampaignDefaults;
import io.lightsout.appliance.power.campaigns.Campaigns;
import io.lightsout.appliance.power.wol.UdpWolSender;
import io.lightsout.appliance.power.wol.WolPacer;
import io.lightsout.appliance.power.wol.WolSettings;
import io.lightsout.wsman.WsmanClient;
import io.lightsout.appliance.api.Json;
import io.lightsout.appliance.api.OpenApiResource;
import io.lightsout.appliance.api.SessionResource;
import io.lightsout.appliance.api.SetupResource;
import io.lightsout.appliance.api.ShareResource;
import io.lightsout.appliance.api.SupportResource;
import io.lightsout.appliance.api.SystemResource;
import io.lightsout.appliance.api.TlsResource;
import io.lightsout.appliance.api.TokenResource;
import io.lightsout.appliance.api.UserResource;
import io.lightsout.appliance.credentials.CredentialProfiles;
import io.lightsout.appliance.jobs.JobEngine;
import io.lightsout.appliance.jobs.JobRepository;
import io.lightsout.appliance.jobs.JobScheduler;
import io.lightsout.appliance.jobs.JobTypeRegistry;
import io.lightsout.appliance.jobs.SelfTestJob;
import io.lightsout.appliance.metrics.HttpMetrics;
import io.lightsout.appliance.metrics.MetricsResource;
import io.lightsout.appliance.shares.NfsService;
import io.lightsout.appliance.shares.ShareExports;
import io.lightsout.appliance.support.SupportBundle;
import io.lightsout.appliance.audit.AuditLog;
import io.lightsout.appliance.config.ApplianceConfig;
import io.lightsout.appliance.config.Keys;
import io.lightsout.appliance.security.AccountService;
import io.lightsout.appliance.security.PasswordHasher;
import io.lightsout.appliance.security.SessionStore;
import io.lightsout.appliance.security.TokenService;
import io.lightsout.appliance.security.vault.RekeyObserver;
import io.lightsout.appliance.security.vault.Vault;
import io.lightsout.appliance.store.Database;
import io.lightsout.appliance.support.LogFiles;
import io.lightsout.appliance.tls.TlsManager;
import io.lightsout.appliance.web.WebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The composition root: builds every part of the appliance with constructors, starts them in order (logs,
 * database, vault, services, TLS, NFS share, HTTPS, HTTP) and stops them in reverse. Tests build the same root.
 */
public final class Appliance implements AutoCloseable {
    public static final String VERSION = "0.1.0";
    private static final Logger LOG = LoggerFactory.getLogger(Appliance.class);

    private final ApplianceConfig config;
    private final Clock clock;
    private final RekeyObserver rekeyObserver;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private Database database;
    private AuditLog audit;
    private Vault vault;
    private SessionStore sessions;
    private AccountService accounts;
    private TokenService tokens;
    private CredentialProfiles credentials;
    private JobRepository jobRepository;
    private final JobTypeRegistry jobTypes = new JobTypeRegistry();
    private JobEngine jobs;
    private NodeRegistry nodes;
    private NodeGroups groups;
    private NodeTargets nodeTargets;
    private BmcExecutor bmc;
    private PowerActions powerActions;
    private Campaigns campaigns;
    private PowerSync powerSync;
    private InventoryJob inventory;
    private final List<Task<?>> scheduledTasks = new ArrayList<>();
    private JobScheduler scheduler;
    private TlsManager tls;
    private ShareExports shareExports;
    private NfsService nfs;
    private final HttpMetrics httpMetrics = new HttpMetrics();
    private WebServer web;
    private Instant startedAt;
    private Duration startupTime;

    static {
        // Jersey and others log through java.util.logging: route it into the appliance's logs
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    public Appliance(ApplianceConfig config, Clock clock, RekeyObserver rekeyObserver) {
        this.config = config;
        this.clock = clock;
        this.rekeyObserver = rekeyObserver;
    }

    public Appliance(ApplianceConfig config) {
        this(config, Clock.systemUTC(), RekeyObserver.NONE);
    }

    /** Opens the data directory, database and vault only (for console commands such as setup and token). */
    public Appliance openStore() {
        Path data = config.dataDir();
        try {
            Files.createDirectories(data.resolve("logs"));
            // the database holds password and token hashes and the audit log: only the appliance's user may enter
            if (Files.getFileStore(data).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(data, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + data, e);
        }
        started.push(LogFiles.attach(data.resolve("logs"), config.get(Keys.LOG_LEVEL)));
        database = Database.open(config.get(Keys.DATABASE_URL), config.get(Keys.DATABASE_USER),
                config.get(Keys.DATABASE_PASSWORD), config.get(Keys.DATABASE_POOL_SIZE));
        started.push(database);
        audit = new AuditLog(database.jdbc(), clock);
        vault = Vault.open(data.resolve("vault").resolve("keys.p12"), database, clock, rekeyObserver);
        sessions = new SessionStore(clock, config.get(Keys.SESSION_IDLE_TIMEOUT), config.get(Keys.SESSION_MAX));
        accounts = new AccountService(database.jdbc(), new PasswordHasher(), sessions, vault, audit, clock,
                config.get(Keys.LOGIN_MAX_FAILURES), config.get(Keys.LOGIN_LOCKOUT));
        tokens = new TokenService(database.jdbc(), audit, clock);
        credentials = new CredentialProfiles(database.jdbc(), vault, audit, clock);
        jobRepository = new JobRepository(database.jdbc(), clock);
        shareExports = new ShareExports(database.jdbc(), data.resolve("repository"), audit, clock);
        return this;
    }

    /** Starts everything; returns when the listeners accept connections. */
    public Appliance start() {
        long t0 = System.nanoTime();
        startedAt = clock.instant();
        Map<String, Long> phases = new LinkedHashMap<>();
        try {
            openStore();
            phases.put("store", System.nanoTime());
            tls = TlsManager.open(config.dataDir().resolve("tls"), config.get(Keys.HOSTNAME),
                    List.of(config.get(Keys.HTTP_PUBLIC_NAME), config.get(Keys.BIND_ADDRESS)), clock);
            jobTypes.register(new SelfTestJob(database::isUp, this::vaultRoundTrip,
                    () -> tls.certificate().getNotAfter().toInstant(), config.dataDir(), clock));
            startFleet();
            jobs = new JobEngine(jobRepository, jobTypes, audit, config.get(Keys.JOBS_CONCURRENCY));
            started.push(jobs);
            powerActions.useEngine(jobs);
            jobs.recover();
            scheduler = new JobScheduler(database.dataSource(), jobs, scheduledTasks);
            campaigns.useScheduler(scheduler.scheduler());
            scheduler.start();
            started.push(scheduler);
            phases.put("tls+jobs", System.nanoTime());
            shareExports.createDirectories();
            nfs = new NfsService(nfsPorts(), config.dataDir().resolve("vault").resolve("nfs-handle.key"),
                    shareExports, audit, clock);
            if (config.get(Keys.NFS_ENABLED)) {
                try {
                    nfs.start();
                } catch (IOException e) {
                    nfs.close();
                    throw new IllegalStateException("NFS share: " + e.getMessage()
                            + " (set nfs.enabled=false to run without the share)", e);
                }
            }
            started.push(nfs);
            phases.put("nfs", System.nanoTime());
            web = new WebServer(config.get(Keys.BIND_ADDRESS), config.get(Keys.HTTPS_PORT),
                    config.get(Keys.HTTP_PORT), config.get(Keys.HTTP_PUBLIC_NAME), tls.sslContext(),
                    ApiApplication.build(resources(), List.of(new AuthenticationFilter(sessions, tokens))),
                    Appliance.class.getClassLoader(),
                    httpMetrics::wrap);
            started.push(web);
            web.start();
            phases.put("web", System.nanoTime());
        } catch (Exception e) {
            close();
            if (e instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("Start-up failed: " + e.getMessage(), e);
        }
        startupTime = Duration.ofNanos(System.nanoTime() - t0);
        StringBuilder split = new StringBuilder();
        long prev = t0;
        for (var p : phases.entrySet()) {
            split.append(split.isEmpty() ? "" : ", ").append(p.getKey()).append(' ')
                    .append((p.getValue() - prev) / 1_000_000).append(" ms");
            prev = p.getValue();
        }
        LOG.info("lightsout {} ready in {} ms ({}): https://{}:{}/ (HTTP {} redirects)", VERSION,
                startupTime.toMillis(), split, config.get(Keys.BIND_ADDRESS), web.httpsPort(), web.httpPort());
        return this;
    }

    /** Nodes, groups, BMC drivers and power actions (the fleet). */
    private void startFleet() {
        nodes = new NodeRegistry(database.jdbc(), vault, audit, clock, NodeAdmission.ALL);
        groups = new NodeGroups(database.jdbc(), audit, clock);
        nodeTargets = new NodeTargets(nodes, config.get(Keys.BMC_CONNECT_TIMEOUT),
                config.get(Keys.BMC_RESPONSE_TIMEOUT),
                Duration.ofSeconds(2));
        WsmanClient wsman = WsmanClient.create();
        started.push(wsman);
        UdpWolSender wol = new UdpWolSender(new WolSettings(config.get(Keys.WOL_PORT), config.get(Keys.WOL_REPEATS),
                config.get(Keys.WOL_REPEAT_INTERVAL)), new WolPacer(new WolPacer.Rates(config.get(Keys.WOL_RATE_GLOBAL),
                config.get(Keys.WOL_RATE_PER_SUBNET), config.get(Keys.WOL_BURST)), clock, Sleeper.SYSTEM),
                Sleeper.SYSTEM);
        started.push(wol::close);
        DriverRegistry drivers = new DriverRegistry(List.of(
                new ProfileDriver(NodeType.IDRAC, new IdracPowerProfile(wsman, nodeTargets, clock)),
                new ProfileDriver(NodeType.AMT, new AmtPowerProfile(wsman, nodeTargets, clock)),
                new ProfileDriver(NodeType.DASH, new AmtPowerProfile(wsman, nodeTargets, clock)),
                new WolOnlyDriver(wol, new ReachabilityProber(), clock)));
        bmc = new BmcExecutor(drivers, new CallLimits(config.get(Keys.BMC_LIMIT_PER_BMC),
                config.get(Keys.BMC_LIMIT_PER_SITE), config.get(Keys.BMC_LIMIT_GLOBAL),
                config.get(Keys.BMC_CALL_TIMEOUT),
                config.get(Keys.BMC_QUEUE_TIMEOUT)));
        PowerService power = new PowerService(bmc, new PowerPolicy(), new InFlightActions(clock), clock);
        powerActions = new PowerActions(nodes, nodeTargets, power, audit);
        powerSync = new PowerSync(nodes, nodeTargets, power, audit, clock, config.get(Keys.POWER_SYNC_FIRST_DELAY),
                config.get(Keys.POWER_SYNC_INTERVAL),
                config.get(Keys.POWER_SYNC_JITTER), config.get(Keys.POWER_SYNC_FAILURES),
                config.get(Keys.POWER_SYNC_CONCURRENCY));
        powerSync.start();
        started.push(powerSync);
        jobTypes.register(powerActions);
        campaigns = new Campaigns(database, nodes, groups, nodeTargets, bmc, audit, clock, new CampaignDefaults(
                ZoneId.of(config.get(Keys.TIME_ZONE)), config.get(Keys.CAMPAIGN_WINDOW),
                config.get(Keys.CAMPAIGN_RETRIES),
                config.get(Keys.CAMPAIGN_RETRY_DELAY), config.get(Keys.CAMPAIGN_RATE),
                config.get(Keys.CAMPAIGN_VERIFY_INTERVAL)));
        scheduledTasks.add(campaigns.task());
        inventory = new InventoryJob(nodes, nodeTargets, bmc, database.jdbc(), clock);
        jobTypes.register(inventory);
        jobTypes.register(new DiscoveryJob(nodes, credentials, wsman));
    }

    /** Every REST resource the appliance serves; later capabilities add theirs here. */
    private List<Object> resources() {
        List<Object> list = new ArrayList<>(List.of(new SetupResource(accounts),
                new SessionResource(accounts, sessions),
                new SystemResource(accounts, clock, VERSION, config.get(Keys.HOSTNAME), startedAt),
                new UserResource(accounts, clock), new TokenResource(tokens), new HealthResource(database),
                new CredentialProfileResource(credentials), new TlsResource(tls, audit), new AuditResource(audit),
                new JobResource(jobRepository, jobs, nodes), new NodeResource(nodes, powerActions),
                new GroupResource(groups, nodes), new PowerActionResource(powerActions, nodes, groups),
                new CampaignResource(campaigns, nodes, groups), new InventoryResource(inventory, jobs, nodes, groups),
                new DiscoveryResource(jobs, credentials),
                new SupportResource(new SupportBundle(config, jobRepository, audit, Json.mapper(), clock, VERSION),
                        jobs, audit, clock),
                new ShareResource(shareExports, nfs),
                new MetricsResource(httpMetrics, jobRepository, sessions, List.of(nfs, powerSync::render))));
        List<Class<?>> classes = new ArrayList<>(list.stream().<Class<?>>map(Object::getClass).toList());
        classes.add(OpenApiResource.class);
        list.add(new OpenApiResource(new OpenApiResource.Routes(classes), VERSION));
        return list;
    }

    private NfsService.Ports nfsPorts() {
        String bind = config.get(Keys.NFS_BIND_ADDRESS).isEmpty() ? config.get(Keys.BIND_ADDRESS)
                : config.get(Keys.NFS_BIND_ADDRESS);
        try {
            return new NfsService.Ports(java.net.InetAddress.getByName(bind), config.get(Keys.PORTMAP_PORT),
                    config.get(Keys.MOUNTD_PORT), config.get(Keys.NFS_PORT));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("NFS share: cannot resolve the bind address " + bind, e);
        }
    }

    /** A test secret written, read back and removed: proves the data key and the database agree. */
    private boolean vaultRoundTrip() {
        byte[] probe = ("self-test-" + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        String id = vault.transaction(tx -> vault.put(tx, probe));
        try {
            return vault.get(id).map(b -> Arrays.equals(b, probe)).orElse(false);
        } finally {
            vault.transaction(tx -> {
                vault.delete(tx, id);
                return null;
            });
        }
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                LOG.warn("Error while stopping: {}", e.toString());
            }
        }
    }

    public ApplianceConfig config() {
        return config;
    }

    public int httpsPort() {
        return web.httpsPort();
    }

    public int httpPort() {
        return web.httpPort();
    }

    public Duration startupTime() {
        return startupTime;
    }

    public AccountService accounts() {
        return accounts;
    }

    public TokenService tokens() {
        return tokens;
    }

    public Vault vault() {
        return vault;
    }

    public Database database() {
        return database;
    }

    public AuditLog audit() {
        return audit;
    }

    public CredentialProfiles credentials() {
        return credentials;
    }

    public JobEngine jobs() {
        return jobs;
    }

    public JobRepository jobRepository() {
        return jobRepository;
    }

    /** db-scheduler tasks of later capabilities: add them before {@link #start}. */
    public List<Task<?>> scheduledTasks() {
        return scheduledTasks;
    }

    public JobScheduler scheduler() {
        return scheduler;
    }

    /** Job types by name: later capabilities register theirs before {@link #start}. */
    public JobTypeRegistry jobTypes() {
        return jobTypes;
    }

    public NodeRegistry nodes() {
        return nodes;
    }

    public NodeGroups groups() {
        return groups;
    }

    public BmcExecutor bmc() {
        return bmc;
    }

    public Campaigns campaigns() {
        return campaigns;
    }

    public PowerSync powerSync() {
        return powerSync;
    }

    public PowerActions powerActions() {
        return powerActions;
    }

    public TlsManager tls() {
        return tls;
    }

    public ShareExports shareExports() {
        return shareExports;
    }

    /** The NFS share (not running when {@code nfs.enabled=false}). */
    public NfsService nfs() {
        return nfs;
    }

    public SessionStore sessions() {
        return sessions;
    }
}
