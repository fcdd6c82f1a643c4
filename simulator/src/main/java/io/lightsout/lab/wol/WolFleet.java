package io.lightsout.lab.wol;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A fleet of simulated BMC-less machines on consecutive loopback addresses. Build one in a test:
 * <pre>{@code
 * try (WolFleet fleet = WolFleet.builder().machines(50).base("127.42.0.1").udpPort(40009).verifyPort(40445)
 *         .bootDelay(Duration.ofMillis(50), Duration.ofMillis(200)).neverWakePercent(10).lateWakePercent(10)
 *         .seed(7).start()) {
 *     WolMachine m = fleet.machines().get(0);   // m.address(), m.mac(), m.secureOn(), m.isAwake()
 * }
 * }</pre>
 * Never-wake and late-wake machines are chosen by the seed, in exact numbers (round(n × percent / 100)).
 * Addresses skip host parts .0 and .255 so that no machine sits on a subnet's network or broadcast address.
 */
public final class WolFleet implements AutoCloseable {

    private final List<WolMachine> machines;
    private final ScheduledExecutorService scheduler;
    private final int udpPort;
    private final int verifyPort;

    private WolFleet(List<WolMachine> machines, ScheduledExecutorService scheduler, int udpPort, int verifyPort) {
        this.machines = Collections.unmodifiableList(machines);
        this.scheduler = scheduler;
        this.udpPort = udpPort;
        this.verifyPort = verifyPort;
    }

    /** The UDP port every machine listens on for magic packets. */
    public int udpPort() {
        return udpPort;
    }

    /** The TCP port an awake machine answers on. */
    public int verifyPort() {
        return verifyPort;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The machines in address order. */
    public List<WolMachine> machines() {
        return machines;
    }

    public int awakeCount() {
        return (int) machines.stream().filter(WolMachine::isAwake).count();
    }

    /**
     * One line per machine for the {@code lab} command: address, MAC, SecureOn password (lab test data, printed
     * like the lab's BMC test credentials so it can be entered in the appliance), behaviour, state.
     */
    public List<String> describe() {
        return machines.stream().map(m -> "%-15s %s %-17s %-10s %s".formatted(m.address().getHostAddress(), m.mac(),
                m.secureOn().orElse("-"), m.behaviour(), m.state())).toList();
    }

    @Override
    public void close() {
        machines.forEach(WolMachine::close);
        scheduler.shutdownNow();
    }

    /** Builds and starts a fleet; every setter checks its argument. */
    public static final class Builder {
        private int count = 1;
        private Inet4Address base = loopback("127.77.0.1");
        // unprivileged defaults (a real NIC listens on 9, a real OS on 445/22/3389): the appliance's WoL port
        // setting must match udpPort when it drives the lab
        private int udpPort = 40009;
        private int verifyPort = 40445;
        private Duration bootMin = Duration.ofMillis(200);
        private Duration bootMax = Duration.ofMillis(800);
        private Duration lateWake;
        private int neverWakePercent;
        private int lateWakePercent;
        private int secureOnPercent;
        private long seed = 1;

        private Builder() {
        }

        public Builder machines(int n) {
            if (n < 1 || n > 60_000) {
                throw new IllegalArgumentException("machines must be 1..60000, was " + n);
            }
            this.count = n;
            return this;
        }

        /** First machine's address; it must be in 127.0.0.0/8 (the lab never listens elsewhere). */
        public Builder base(String address) {
            this.base = loopback(address);
            return this;
        }

        public Builder udpPort(int port) {
            this.udpPort = port(port);
            return this;
        }

        public Builder verifyPort(int port) {
            this.verifyPort = port(port);
            return this;
        }

        /** Each machine draws its boot delay uniformly in [min, max]. */
        public Builder bootDelay(Duration min, Duration max) {
            if (min.isNegative() || max.compareTo(min) < 0) {
                throw new IllegalArgumentException("boot delay needs 0 <= min <= max, was " + min + ".." + max);
            }
            this.bootMin = min;
            this.bootMax = max;
            return this;
        }

        /** How long late-wake machines take to boot; default four times the maximum boot delay. */
        public Builder lateWakeDelay(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("late-wake delay must not be negative");
            }
            this.lateWake = delay;
            return this;
        }

        public Builder neverWakePercent(int percent) {
            this.neverWakePercent = percent(percent, "never-wake");
            return this;
        }

        public Builder lateWakePercent(int percent) {
            this.lateWakePercent = percent(percent, "late-wake");
            return this;
        }

        /** Share of machines whose NIC requires a 6-byte SecureOn password (drawn from the seed). */
        public Builder secureOnPercent(int percent) {
            this.secureOnPercent = percent(percent, "secureon");
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public WolFleet start() {
            if (neverWakePercent + lateWakePercent > 100) {
                throw new IllegalArgumentException("never-wake + late-wake exceed 100 percent");
            }
            Random random = new Random(seed);
            List<WolMachine.Behaviour> behaviours = behaviours(random);
            boolean[] secured = new boolean[count];
            shuffled(random).stream().limit(share(secureOnPercent)).forEach(i -> secured[i] = true);
            ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "wol-lab-boot");
                t.setDaemon(true);
                return t;
            });
            List<WolMachine> machines = new ArrayList<>(count);
            int macSalt = random.nextInt();
            int address = ByteBuffer.wrap(base.getAddress()).getInt();
            for (int i = 0; i < count; i++) {
                address = skipNetworkAndBroadcast(address);
                WolMachine.Behaviour behaviour = behaviours.get(i);
                byte[] secureOn = secured[i] ? randomBytes(random, 6) : null;
                machines.add(new WolMachine(toAddress(address), mac(i ^ macSalt), secureOn, behaviour,
                        delay(random, behaviour), udpPort, verifyPort, scheduler));
                address++;
            }
            WolFleet fleet = new WolFleet(machines, scheduler, udpPort, verifyPort);
            try {
                machines.forEach(WolMachine::start);
            } catch (RuntimeException e) {
                fleet.close();
                throw e;
            }
            return fleet;
        }

        private List<WolMachine.Behaviour> behaviours(Random random) {
            List<WolMachine.Behaviour> result = new ArrayList<>(Collections.nCopies(count,
                    WolMachine.Behaviour.NORMAL));
            List<Integer> order = shuffled(random);
            int never = share(neverWakePercent);
            int late = share(lateWakePercent);
            for (int k = 0; k < never + late; k++) {
                result.set(order.get(k), k < never ? WolMachine.Behaviour.NEVER_WAKE : WolMachine.Behaviour.LATE_WAKE);
            }
            return result;
        }

        private Duration delay(Random random, WolMachine.Behaviour behaviour) {
            if (behaviour == WolMachine.Behaviour.LATE_WAKE) {
                return lateWake != null ? lateWake : bootMax.multipliedBy(4);
            }
            long span = bootMax.toNanos() - bootMin.toNanos();
            return bootMin.plusNanos(span == 0 ? 0 : (long) (random.nextDouble() * span));
        }

        private List<Integer> shuffled(Random random) {
            List<Integer> order = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                order.add(i);
            }
            Collections.shuffle(order, random);
            return order;
        }

        private int share(int percent) {
            return Math.round(count * percent / 100f);
        }

        private int skipNetworkAndBroadcast(int address) {
            int a = address;
            while ((a & 0xff) == 0 || (a & 0xff) == 0xff) {
                a++;
            }
            if ((a >>> 24) != 127) {
                throw new IllegalArgumentException("the fleet does not fit in 127.0.0.0/8 from " + base);
            }
            return a;
        }

        /** Locally administered unicast MACs (02:4c:...) so they can never clash with a real vendor's. */
        private static byte[] mac(int n) {
            return ByteBuffer.allocate(6).put((byte) 0x02).put((byte) 0x4c).putInt(n).array();
        }

        private static byte[] randomBytes(Random random, int n) {
            byte[] b = new byte[n];
            random.nextBytes(b);
            return b;
        }

        private static Inet4Address toAddress(int address) {
            try {
                return (Inet4Address) InetAddress.getByAddress(ByteBuffer.allocate(4).putInt(address).array());
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e); // four bytes are always a valid address
            }
        }

        private static Inet4Address loopback(String address) {
            Objects.requireNonNull(address, "base address");
            InetAddress parsed;
            try {
                if (!address.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                    throw new UnknownHostException(address);
                }
                parsed = InetAddress.getByName(address); // a literal: no name lookup happens
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("base must be an IPv4 literal in 127.0.0.0/8, was " + address);
            }
            if (!(parsed instanceof Inet4Address v4) || !v4.isLoopbackAddress()) {
                throw new IllegalArgumentException("base must be in 127.0.0.0/8, was " + address);
            }
            return v4;
        }

        private static int port(int port) {
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port must be 1..65535, was " + port);
            }
            return port;
        }

        private static int percent(int percent, String what) {
            if (percent < 0 || percent > 100) {
                throw new IllegalArgumentException(what + " percent must be 0..100, was " + percent);
            }
            return percent;
        }
    }
}
