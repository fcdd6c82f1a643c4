package io.lightsout.lab;

import io.lightsout.lab.amt.AmtHost;
import io.lightsout.lab.amt.AmtService;
import io.lightsout.lab.http.BmcCertificate;
import io.lightsout.lab.http.DigestAuth;
import io.lightsout.lab.http.LabServer;
import io.lightsout.lab.http.LabTls;
import io.lightsout.lab.idrac.BootMode;
import io.lightsout.lab.idrac.IdracHost;
import io.lightsout.lab.idrac.IdracService;
import io.lightsout.lab.idrac.JobQueue;
import io.lightsout.lab.model.Firmware;
import io.lightsout.lab.model.PowerModel;
import io.lightsout.lab.wsman.Dialect;
import io.lightsout.lab.wsman.Enumerations;
import io.lightsout.lab.wsman.WsmanDispatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A running lab of simulated BMCs, each on its own loopback address. Start one with {@link #builder()}; close it
 * to stop every listener (and save state when a state file was given).
 *
 * <pre>{@code
 * try (Lab lab = Lab.builder().idrac(2).amt(1).base("127.77.0.1").idracPort(0).amtPort(0).start()) {
 *     SimulatedBmc bmc = lab.bmcs().get(0);   // bmc.url(), bmc.username(), bmc.password() ...
 * }
 * }</pre>
 */
public final class Lab implements AutoCloseable {
    private final List<SimulatedBmc> bmcs;
    private final Map<String, SimulatedBmc> byAddress = new HashMap<>();
    private final LabServer server;
    private final Path stateFile;
    private final List<Fault> fleetFaults;

    private Lab(List<SimulatedBmc> bmcs, LabServer server, Path stateFile, List<Fault> fleetFaults) {
        this.bmcs = Collections.unmodifiableList(bmcs);
        this.server = server;
        this.stateFile = stateFile;
        this.fleetFaults = fleetFaults;
        for (SimulatedBmc b : bmcs) {
            byAddress.put(b.address(), b);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every BMC: iDRACs first, then AMTs, in address order. */
    public List<SimulatedBmc> bmcs() {
        return bmcs;
    }

    /** The BMC at this address. */
    public SimulatedBmc bmc(String address) {
        SimulatedBmc b = byAddress.get(address);
        if (b == null) {
            throw new IllegalArgumentException("no BMC at " + address);
        }
        return b;
    }

    /** Faults applied to every BMC (from {@link Builder#faults}). */
    public List<Fault> fleetFaults() {
        return fleetFaults;
    }

    /** Writes the inventory: JSON array, or the node-import CSV when the name ends in {@code .csv}. */
    public void writeInventory(Path file) {
        try {
            LabFiles.writeInventory(bmcs, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write inventory " + file, e);
        }
    }

    /** The inventory as a JSON array of {address, port, type, username, password, mac, serviceTag}. */
    public String inventoryJson() {
        return LabFiles.json(bmcs);
    }

    @Override
    public void close() {
        server.close();
        if (stateFile != null) {
            try {
                LabFiles.saveState(bmcs, stateFile);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot save lab state " + stateFile, e);
            }
        }
    }

    /** Configures and starts a lab. Defaults: 1 iDRAC, 0 AMT, base 127.20.0.1, TLS, ports 10443/16993. */
    public static final class Builder {
        private int idracs = 1;
        private int amts;
        private String base = "127.20.0.1";
        private Integer idracPort;
        private Integer amtPort;
        private boolean tls = true;
        private Fault.Delay latency = new Fault.Latency(Duration.ZERO, Duration.ZERO);
        private String faults = "";
        private long seed = 1;
        private int uefiEvery;
        private Clock clock = Clock.systemUTC();
        private Duration powerDelay = Duration.ofSeconds(2);
        private Duration jobDownload = Duration.ofSeconds(3);
        private Duration jobRun = Duration.ofSeconds(5);
        private Duration enumerationExpiry = Duration.ofSeconds(60);
        private Duration nonceLifetime = Duration.ofMinutes(5);
        private Path stateFile;
        private int ioThreads = Math.max(2, Runtime.getRuntime().availableProcessors());

        public Builder idrac(int n) {
            this.idracs = requireNonNegative(n, "idrac");
            return this;
        }

        public Builder amt(int n) {
            this.amts = requireNonNegative(n, "amt");
            return this;
        }

        /** First loopback address (127.x.y.z); later BMCs take the following addresses. */
        public Builder base(String ip) {
            this.base = ip;
            return this;
        }

        /** iDRAC port (default 10443; real iDRACs use 443); 0 = an ephemeral port per BMC. */
        public Builder idracPort(int port) {
            this.idracPort = port;
            return this;
        }

        /** AMT port (default 16993 with TLS, 16992 without); 0 = an ephemeral port per BMC. */
        public Builder amtPort(int port) {
            this.amtPort = port;
            return this;
        }

        /** HTTPS with a self-signed certificate per BMC (default true); false serves plain HTTP. */
        public Builder tls(boolean tls) {
            this.tls = tls;
            return this;
        }

        /** Latency added to every answer, uniform in [min, max]. */
        public Builder latency(Duration min, Duration max) {
            if (min.isNegative() || max.compareTo(min) < 0) {
                throw new IllegalArgumentException("latency needs 0 <= min <= max");
            }
            this.latency = new Fault.Latency(min, max);
            return this;
        }

        /** Latency added to every answer from a distribution ({@link Fault.Latency}, {@link Fault.TailLatency}). */
        public Builder latency(Fault.Delay distribution) {
            this.latency = distribution;
            return this;
        }

        /** Fault spec (see {@link FaultSpec}); items with a target go to that BMC, others to all. */
        public Builder faults(String spec) {
            FaultSpec.parse(spec);
            this.faults = spec;
            return this;
        }

        /**
         * Which iDRAC hosts boot in UEFI mode: every {@code n}-th iDRAC (the 2nd, 4th, ... for 2; all for 1); 0, the
         * default, leaves every host in legacy BIOS mode. {@link SimulatedBmc#setBootMode} changes one host later.
         */
        public Builder uefiEvery(int n) {
            this.uefiEvery = requireNonNegative(n, "uefiEvery");
            return this;
        }

        /** Seed for generated identities, latencies and fault draws. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Clock for power, job, context and nonce timing (tests pass a manual clock). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Time a power-on takes (off: a quarter of it hard, all of it graceful). Default 2 s. */
        public Builder powerDelay(Duration d) {
            this.powerDelay = d;
            return this;
        }

        /** Download and run time of LC jobs. Defaults 3 s and 5 s. */
        public Builder jobDurations(Duration download, Duration run) {
            this.jobDownload = download;
            this.jobRun = run;
            return this;
        }

        /** Idle time after which an enumeration context expires. Default 60 s. */
        public Builder enumerationExpiry(Duration d) {
            this.enumerationExpiry = d;
            return this;
        }

        /** Age after which an AMT Digest nonce is stale. Default 5 min. */
        public Builder nonceLifetime(Duration d) {
            this.nonceLifetime = d;
            return this;
        }

        /** File that keeps power and firmware state across restarts (read at start, written at close). */
        public Builder stateFile(Path file) {
            this.stateFile = file;
            return this;
        }

        /** Undertow IO threads (default: the number of cores, at least 2). */
        public Builder ioThreads(int n) {
            this.ioThreads = n;
            return this;
        }

        /** Creates the BMCs, binds every listener and returns the running lab. */
        public Lab start() {
            int total = idracs + amts;
            if (total == 0) {
                throw new IllegalArgumentException("a lab needs at least one BMC");
            }
            requireFileDescriptors(total);
            List<InetAddress> addresses = LabAddresses.range(base, total);
            int ip = idracPort != null ? idracPort : 10443;
            int ap = amtPort != null ? amtPort : tls ? 16993 : 16992;
            Map<String, Map<String, String>> saved = stateFile == null ? Map.of() : LabFiles.loadState(stateFile);
            LabTls labTls = tls ? new LabTls() : null;
            List<SimulatedBmc> list = new ArrayList<>(total);
            Map<SimulatedBmc, Integer> ports = new LinkedHashMap<>();
            for (int i = 0; i < total; i++) {
                BmcType type = i < idracs ? BmcType.IDRAC : BmcType.AMT;
                SimulatedBmc b = create(i, type, addresses.get(i), labTls);
                LabFiles.applyState(b, saved.get(b.address()));
                list.add(b);
                ports.put(b, type == BmcType.IDRAC ? ip : ap);
            }
            List<Fault> fleet = new ArrayList<>();
            for (FaultSpec.Item item : FaultSpec.parse(faults)) {
                if (item.target() == null) {
                    fleet.add(item.fault());
                } else {
                    target(list, item.target()).inject(item.fault());
                }
            }
            LabServer server = new LabServer(list, ports, fleet, latency,
                    new DigestAuth(clock, nonceLifetime), ioThreads);
            Map<InetAddress, Integer> bound = server.start();
            for (SimulatedBmc b : list) {
                b.setPort(bound.get(b.inetAddress()));
            }
            return new Lab(list, server, stateFile, List.copyOf(fleet));
        }

        private SimulatedBmc create(int i, BmcType type, InetAddress addr, LabTls labTls) {
            long s = SimulatedBmc.mix(seed * 0x9E3779B97F4A7C15L + i);
            String tag = LabAddresses.serviceTag(s);
            String mac = LabAddresses.mac(addr);
            String realm = "Digest:" + String.format("%016X%016X", SimulatedBmc.mix(s + 1), SimulatedBmc.mix(s + 2));
            String password = "lab-" + Long.toString(SimulatedBmc.mix(s + 3) & 0xFFFFFFFFFFFFL, 36);
            var id = new SimulatedBmc.Identity(type == BmcType.IDRAC ? "root" : "admin", password, mac, tag, realm);
            BmcCertificate cert = tls ? new BmcCertificate(
                    (type == BmcType.IDRAC ? "idrac-" : "amt-") + tag, addr, clock, labTls) : null;
            PowerModel power = new PowerModel(clock, powerDelay, PowerState.OFF);
            Firmware fw = new Firmware();
            SimulatedBmc bmc = new SimulatedBmc(i, type, addr, tls, id, s, power, fw, cert);
            Enumerations enums = new Enumerations(clock, enumerationExpiry);
            String uuid = new UUID(SimulatedBmc.mix(s + 4), SimulatedBmc.mix(s + 5)).toString();
            if (type == BmcType.IDRAC) {
                IdracService.defaultFirmware(fw);
                BootMode mode = uefiEvery > 0 && (i + 1) % uefiEvery == 0 ? BootMode.UEFI : BootMode.BIOS;
                IdracService svc = new IdracService(new IdracHost(tag, mac, "PowerEdge R640", uuid,
                        "host-" + tag.toLowerCase()), power, fw, new JobQueue(clock, jobDownload, jobRun), mode);
                bmc.bind(new WsmanDispatcher(Dialect.IDRAC, svc, enums), svc);
            } else {
                AmtService.defaultFirmware(fw);
                AmtService svc = new AmtService(new AmtHost("pc-" + tag.toLowerCase(), mac, realm, uuid, tag), power, fw);
                bmc.bind(new WsmanDispatcher(Dialect.AMT, svc, enums), svc);
            }
            return bmc;
        }

        private static SimulatedBmc target(List<SimulatedBmc> list, String t) {
            if (t.startsWith("#")) {
                int i = Integer.parseInt(t.substring(1));
                if (i < 0 || i >= list.size()) {
                    throw new IllegalArgumentException("fault target " + t + " is outside the lab");
                }
                return list.get(i);
            }
            for (SimulatedBmc b : list) {
                if (b.address().equals(t)) {
                    return b;
                }
            }
            throw new IllegalArgumentException("fault target " + t + " is not a lab address");
        }

        /**
         * Each listener is a file descriptor and Java cannot raise its own limit: refuse clearly, before binding
         * half the lab, when the soft limit ({@code ulimit -n}) leaves too little room.
         */
        private static void requireFileDescriptors(int listeners) {
            if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.UnixOperatingSystemMXBean os) {
                long need = os.getOpenFileDescriptorCount() + listeners + 256;
                if (need > os.getMaxFileDescriptorCount()) {
                    throw new IllegalStateException(listeners + " BMCs need about " + need
                            + " file descriptors but the limit is " + os.getMaxFileDescriptorCount()
                            + "; raise it first (ulimit -n " + (need + listeners) + ")");
                }
            }
        }

        private static int requireNonNegative(int n, String what) {
            if (n < 0) {
                throw new IllegalArgumentException(what + " count must not be negative");
            }
            return n;
        }
    }
}
