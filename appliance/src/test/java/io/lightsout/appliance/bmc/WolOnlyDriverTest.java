package io.lightsout.appliance.bmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lightsout.appliance.power.Sleeper;
import io.lightsout.appliance.power.wol.MacAddress;
import io.lightsout.appliance.power.wol.SecureOnPassword;
import io.lightsout.appliance.power.wol.UdpWolSender;
import io.lightsout.appliance.power.wol.WolDestination;
import io.lightsout.appliance.power.wol.WolPacer;
import io.lightsout.appliance.power.wol.WolSettings;
import io.lightsout.lab.wol.WolFleet;
import io.lightsout.lab.wol.WolMachine;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The WoL-only driver against the lab's simulated machines: real magic packets, real TCP verification. */
class WolOnlyDriverTest {

    private final int udpPort = ThreadLocalRandom.current().nextInt(30_000, 40_000);
    private final int verifyPort = udpPort + 10_000;
    private WolFleet fleet;
    private UdpWolSender sender;
    private BmcExecutor executor;

    @BeforeEach
    void start() {
        fleet = WolFleet.builder().machines(4).secureOnPercent(50).udpPort(udpPort).verifyPort(verifyPort)
                .base("127.%d.%d.1".formatted(ThreadLocalRandom.current().nextInt(100, 200),
                        ThreadLocalRandom.current().nextInt(1, 250)))
                .bootDelay(Duration.ofMillis(20), Duration.ofMillis(80)).seed(3).start();
        sender = new UdpWolSender(new WolSettings(udpPort, 2, Duration.ofMillis(10)),
                new WolPacer(WolPacer.Rates.DEFAULT, Clock.systemUTC(), Sleeper.SYSTEM), Sleeper.SYSTEM);
        WolOnlyDriver driver = new WolOnlyDriver(sender, new ReachabilityProber(), Clock.systemUTC());
        executor = new BmcExecutor(new DriverRegistry(List.of(driver)), CallLimits.DEFAULT);
    }

    @AfterEach
    void stop() {
        sender.close();
        fleet.close();
    }

    static BmcTarget target(WolMachine m, int verifyPort, boolean withPassword) {
        var wol = new BmcTarget.WolEndpoint(MacAddress.parse(m.mac()),
                withPassword ? m.secureOn().map(SecureOnPassword::parse) : Optional.empty(),
                new WolDestination.Unicast(m.address(), 24),
                new ReachabilityProbe.TcpConnect(m.address(), verifyPort, Duration.ofMillis(500)));
        return new BmcTarget("node-" + m.address().getHostAddress(), NodeType.WOL_ONLY, "lab", Optional.empty(),
                Optional.of(wol));
    }

    @Test
    void powerOnSendsAMagicPacketAndTheProbeThenReadsOn() throws Exception {
        WolMachine m = fleet.machines().stream().filter(x -> x.secureOn().isEmpty()).findFirst().orElseThrow();
        BmcTarget t = target(m, verifyPort, true);

        PowerReading before = executor.execute(t, new BmcCommand.GetPowerState());
        assertThat(before.state()).isEqualTo(PowerState.UNKNOWN);
        assertThat(before.source()).isEqualTo(PowerReading.Source.PROBE);
        assertThat(before.detail()).contains("refused").contains("tcp/" + verifyPort);

        Accepted sent = executor.execute(t, new BmcCommand.ChangePower(PowerAction.ON));
        assertThat(sent.detail()).contains(m.mac());

        await().atMost(Duration.ofSeconds(5)).until(() ->
                executor.execute(t, new BmcCommand.GetPowerState()).state() == PowerState.ON);
        assertThat(m.magicPacketsReceived()).isEqualTo(2);
    }

    @Test
    void aSecureOnNicWakesOnlyWithItsPassword() throws Exception {
        WolMachine m = fleet.machines().stream().filter(x -> x.secureOn().isPresent()).findFirst().orElseThrow();

        executor.execute(target(m, verifyPort, false), new BmcCommand.ChangePower(PowerAction.ON));
        await().atMost(Duration.ofSeconds(5)).until(() -> m.packetsRejected() == 2);
        assertThat(m.isAwake()).isFalse();

        executor.execute(target(m, verifyPort, true), new BmcCommand.ChangePower(PowerAction.ON));
        await().atMost(Duration.ofSeconds(5)).until(m::isAwake);
    }

    @Test
    void withoutABmcOnlyPowerOnAndReadingAreSupported() {
        BmcTarget t = target(fleet.machines().get(0), verifyPort, true);
        for (BmcCommand<?> c : List.of(new BmcCommand.ChangePower(PowerAction.CYCLE),
                new BmcCommand.ChangePower(PowerAction.OFF_HARD), new BmcCommand.SetBootOnce(BootDevice.PXE),
                new BmcCommand.GetInventory())) {
            assertThat(executor.supports(t, c)).as("%s", c).isFalse();
            assertThatThrownBy(() -> executor.execute(t, c)).isInstanceOfSatisfying(BmcException.class,
                    e -> assertThat(e.reason()).isEqualTo(BmcException.Reason.UNSUPPORTED));
        }
        BmcTarget noMac = new BmcTarget("x", NodeType.WOL_ONLY, "lab", Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> executor.execute(noMac, new BmcCommand.ChangePower(PowerAction.ON)))
                .hasMessageContaining("has no MAC");
    }
}
