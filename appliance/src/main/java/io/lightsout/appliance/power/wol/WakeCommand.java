package io.lightsout.appliance.power.wol;

import io.lightsout.appliance.power.Sleeper;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lightsout wake}: sends magic packets from this machine, with the same sender, pacing and SecureOn
 * handling the appliance uses in campaigns. Always names a destination: there is no implicit broadcast.
 */
@Command(name = "wake", mixinStandardHelpOptions = true,
        description = "Send wake-on-LAN magic packets (unicast, subnet-directed or limited broadcast).")
public final class WakeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "MAC", description = "MAC address(es), aa:bb:cc:dd:ee:ff")
    List<String> macs;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--to", paramLabel = "IP", description = "unicast to the node's last known IPv4 address")
        String unicast;
        @Option(names = "--broadcast", paramLabel = "CIDR", description = "subnet-directed broadcast, e.g. 10.1.2.0/24")
        String subnet;
        @Option(names = "--interface", paramLabel = "NAME", description = "limited broadcast out of this interface")
        String nic;
    }

    @Option(names = "--port", defaultValue = "9", description = "UDP port (default ${DEFAULT-VALUE}; 7 is also common)")
    int port;

    @Option(names = "--repeats", defaultValue = "3", description = "copies per MAC (default ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--interval", defaultValue = "300", paramLabel = "MS",
            description = "ms between copies (default ${DEFAULT-VALUE})")
    long intervalMillis;

    @Option(names = "--rate", defaultValue = "200", description = "packets per second at most (default ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--secureon-file", paramLabel = "FILE",
            description = "file holding the SecureOn password (xx:xx:xx:xx:xx:xx or a.b.c.d); kept off the command line")
    Path secureOnFile;

    @Override
    public Integer call() {
        try {
            WolDestination destination = destination();
            Optional<SecureOnPassword> password = secureOn();
            WolSettings settings = new WolSettings(port, repeats, Duration.ofMillis(intervalMillis));
            WolPacer pacer = new WolPacer(new WolPacer.Rates(rate, rate, 1), Clock.systemUTC(), Sleeper.SYSTEM);
            try (WolSender sender = new UdpWolSender(settings, pacer, Sleeper.SYSTEM)) {
                for (String mac : macs) {
                    MacAddress parsed = MacAddress.parse(mac);
                    sender.send(new WakeRequest(parsed, password, destination));
                    System.out.printf("sent %d magic packet(s) for %s to %s:%d%n", repeats, parsed,
                            destination.sendTo().getHostAddress(), port);
                }
            }
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("wake: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.err.println("wake: interrupted");
            return 130;
        }
    }

    private WolDestination destination() throws IOException {
        if (target.nic != null) {
            return new WolDestination.LimitedBroadcast(target.nic);
        }
        if (target.unicast != null) {
            return new WolDestination.Unicast(ipv4(target.unicast), 32);
        }
        String[] parts = target.subnet.split("/", 2);
        if (parts.length != 2 || !parts[1].matches("\\d{1,2}")) {
            throw new IllegalArgumentException("--broadcast wants a subnet in CIDR form, e.g. 10.1.2.0/24");
        }
        return new WolDestination.SubnetBroadcast(ipv4(parts[0]), Integer.parseInt(parts[1]));
    }

    private Optional<SecureOnPassword> secureOn() throws IOException {
        if (secureOnFile == null) {
            return Optional.empty();
        }
        return Optional.of(SecureOnPassword.parse(Files.readString(secureOnFile, StandardCharsets.UTF_8)));
    }

    private static Inet4Address ipv4(String literal) throws IOException {
        if (!literal.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new IllegalArgumentException("not an IPv4 address: " + MacAddress.shorten(literal));
        }
        return (Inet4Address) InetAddress.getByName(literal); // a literal: no name lookup
    }
}
