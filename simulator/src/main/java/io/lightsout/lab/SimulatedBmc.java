package io.lightsout.lab;

import io.lightsout.lab.http.BmcCertificate;
import io.lightsout.lab.idrac.BootMode;
import io.lightsout.lab.idrac.IdracService;
import io.lightsout.lab.idrac.JobQueue;
import io.lightsout.lab.model.Firmware;
import io.lightsout.lab.model.PowerModel;
import io.lightsout.lab.wsman.WsmanDispatcher;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One simulated BMC: its identity and credentials (test values, printed on purpose), its host's state (power,
 * firmware, boot override), its certificate and the faults injected into it. Thread-safe; state changes
 * through WS-Man requests or through the methods here (for test assertions and set-up).
 */
public final class SimulatedBmc {
    private final int index;
    private final BmcType type;
    private final InetAddress inet;
    private final boolean tls;
    private final String username;
    private final String password;
    private final String mac;
    private final String serviceTag;
    private final String realm;
    private final long seed;
    private final PowerModel power;
    private final Firmware firmware;
    private final BmcCertificate certificate;
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final AtomicLong requests = new AtomicLong();
    private volatile WsmanDispatcher dispatcher;
    private volatile Object vendorState;
    private volatile int port;

    SimulatedBmc(int index, BmcType type, InetAddress inet, boolean tls, Identity id, long seed, PowerModel power,
                 Firmware firmware, BmcCertificate certificate) {
        this.index = index;
        this.type = type;
        this.inet = inet;
        this.tls = tls;
        this.username = id.username();
        this.password = id.password();
        this.mac = id.mac();
        this.serviceTag = id.serviceTag();
        this.realm = id.realm();
        this.seed = seed;
        this.power = power;
        this.firmware = firmware;
        this.certificate = certificate;
    }

    /** Generated identity of a BMC. */
    record Identity(String username, String password, String mac, String serviceTag, String realm) {
    }

    void bind(WsmanDispatcher dispatcher, Object vendorState) {
        this.dispatcher = dispatcher;
        this.vendorState = vendorState;
    }

    void setPort(int port) {
        this.port = port;
    }

    /** Zero-based position in the lab. */
    public int index() {
        return index;
    }

    public BmcType type() {
        return type;
    }

    /** The loopback address the BMC listens on, e.g. {@code 127.20.0.1}. */
    public String address() {
        return inet.getHostAddress();
    }

    public InetAddress inetAddress() {
        return inet;
    }

    public int port() {
        return port;
    }

    public boolean tls() {
        return tls;
    }

    /** The WS-Man endpoint, e.g. {@code https://127.20.0.1:10443/wsman}. */
    public String url() {
        return (tls ? "https" : "http") + "://" + address() + ":" + port + "/wsman";
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /** The host's (first) NIC MAC, upper-case colon form {@code 02:4F:14:00:01:00} (from its address). */
    public String mac() {
        return mac;
    }

    /** Dell service tag (iDRAC) or a serial-like tag (AMT): 7 characters. */
    public String serviceTag() {
        return serviceTag;
    }

    /** AMT Digest realm {@code Digest:<32 hex>} (also set for iDRACs, unused there). */
    public String realm() {
        return realm;
    }

    /** SHA-256 of the current certificate (lower-case hex), or null without TLS. */
    public String certificateSha256() {
        return certificate == null ? null : certificate.sha256();
    }

    /** Replaces the certificate: the next TLS connection sees a new key and certificate. */
    public void rotateCertificate() {
        if (certificate == null) {
            throw new IllegalStateException("BMC " + address() + " does not use TLS");
        }
        certificate.rotate();
    }

    /** The host's settled power state now. */
    public PowerState powerState() {
        return power.state();
    }

    /** True while a requested power change is still in progress. */
    public boolean powerTransitioning() {
        return power.transitioning();
    }

    /** Sets the host's power at once (test set-up). */
    public void setPowerState(PowerState state) {
        power.force(state);
    }

    /** Completed boots since start. */
    public int boots() {
        return power.boots();
    }

    /**
     * What the last boot booted from: "HDD", "PXE", "ISO:...", "CD", "IDER-CD", "BIOS" (firmware setup); null
     * before any boot.
     */
    public String lastBootSource() {
        return power.lastBootSource();
    }

    /** The pending one-time boot override, or null. */
    public String bootOverride() {
        return power.bootOverride();
    }

    /** Installed firmware version of a component (iDRAC FQDD such as {@code BIOS.Setup.1-1}, AMT {@code AMT}). */
    public String firmwareVersion(String component) {
        Firmware.Component c = firmware.get(component);
        return c == null ? null : c.version();
    }

    /** All installed firmware. */
    public List<Firmware.Component> firmware() {
        return firmware.all();
    }

    /** The network ISO attached through DCIM_OSDeploymentService (e.g. {@code nfs://ip/share/x.iso}), or null. */
    public String attachedIso() {
        return vendorState instanceof IdracService s && s.iso() != null ? s.iso().url() : null;
    }

    /** The iDRAC host's BIOS BootMode; null for AMT. */
    public BootMode bootMode() {
        return vendorState instanceof IdracService s ? s.bootMode() : null;
    }

    /** Switches an iDRAC host between legacy BIOS and UEFI boot mode (test set-up). */
    public void setBootMode(BootMode mode) {
        if (!(vendorState instanceof IdracService s)) {
            throw new IllegalStateException("BMC " + address() + " is not an iDRAC");
        }
        s.setBootMode(mode);
    }

    /** The iDRAC's Lifecycle Controller jobs as clients see them now (empty for AMT). */
    public List<JobQueue.View> jobs() {
        return vendorState instanceof IdracService s ? s.jobs().all() : List.of();
    }

    /** Adds a fault to this BMC (see {@link Fault}). */
    public void inject(Fault fault) {
        faults.add(fault);
    }

    /** Removes every fault injected into this BMC (fleet-wide faults of the lab stay). */
    public void clearFaults() {
        faults.clear();
    }

    /** Faults injected into this BMC. */
    public List<Fault> faults() {
        return List.copyOf(faults);
    }

    /** Number of HTTP requests that reached this BMC. */
    public long requestCount() {
        return requests.get();
    }

    // ---- used by the lab's server ----

    /** The WS-Man service of this BMC (lab internals). */
    public WsmanDispatcher dispatcher() {
        return dispatcher;
    }

    /** The vendor state object ({@code IdracState} or {@code AmtState}) (lab internals). */
    public Object vendorState() {
        return vendorState;
    }

    /** The certificate holder, or null without TLS (lab internals). */
    public BmcCertificate certificateHolder() {
        return certificate;
    }

    PowerModel powerModel() {
        return power;
    }

    Firmware firmwareModel() {
        return firmware;
    }

    /**
     * Counts a request and draws its fault: BMC faults first, then {@code fleet}; null for none. Draws are
     * deterministic for a given seed and request order.
     */
    public Fault drawFault(List<Fault> fleet) {
        long n = requests.incrementAndGet();
        Fault f = draw(faults, n, 1);
        return f != null ? f : draw(fleet, n, 2);
    }

    /** This request's latency in ms: from the BMC's latency fault if it has one, else from the lab's. */
    public long latencyMillis(Fault.Delay lab) {
        Fault.Delay d = lab;
        for (Fault f : faults) {
            if (f instanceof Fault.Delay own) {
                d = own;
            }
        }
        long n = requests.get();
        long r1 = mix(seed ^ (index * 0x9E3779B97F4A7C15L) ^ (n * 0xD6E8FEB86659FD93L) ^ 7);
        long r2 = mix(r1 ^ 0x2545F4914F6CDD1DL);
        return Math.max(0, d.sampleMillis((r1 >>> 11) * 0x1.0p-53, (r2 >>> 11) * 0x1.0p-53));
    }

    private Fault draw(List<Fault> list, long n, int salt) {
        int i = 0;
        for (Fault f : list) {
            i++;
            if (f instanceof Fault.Delay) {
                continue;
            }
            double p = f.probability();
            if (p >= 1.0) {
                return f;
            }
            long r = mix(seed ^ (index * 0x9E3779B97F4A7C15L) ^ (n * 0xBF58476D1CE4E5B9L) ^ (salt * 131L + i));
            if ((r >>> 11) * 0x1.0p-53 < p) {
                return f;
            }
        }
        return null;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return type + "@" + url();
    }
}
