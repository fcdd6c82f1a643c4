package io.lightsout.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabLifecycleTest {

    @Test
    void startsManyBmcsOnDistinctAddressesAndStopsCleanly() throws Exception {
        String base = TestClient.randomBase();
        List<String> addresses;
        try (Lab lab = Lab.builder().idrac(150).amt(100).base(base).idracPort(0).amtPort(0).seed(7).start()) {
            assertThat(lab.bmcs()).hasSize(250);
            addresses = lab.bmcs().stream().map(SimulatedBmc::address).toList();
            assertThat(Set.copyOf(addresses)).hasSize(250);
            assertThat(addresses).noneMatch(a -> a.endsWith(".0") || a.endsWith(".255"));
            assertThat(lab.bmcs().stream().map(SimulatedBmc::mac).collect(Collectors.toSet())).hasSize(250);
            assertThat(lab.bmcs().get(0).type()).isEqualTo(BmcType.IDRAC);
            assertThat(lab.bmcs().get(249).type()).isEqualTo(BmcType.AMT);
            SimulatedBmc last = lab.bmcs().get(249);
            assertThat(new TestClient(last).post(AuthTest.GET_GENERAL).status()).isEqualTo(200);
        }
        // every listener is gone: the same addresses and a fixed port bind again at once
        int port = 20000 + new java.util.Random().nextInt(20000);
        try (Lab again = Lab.builder().idrac(150).amt(100).base(base).idracPort(port).amtPort(port).seed(7).start()) {
            assertThat(again.bmcs().get(0).url()).isEqualTo("https://" + addresses.get(0) + ":" + port + "/wsman");
        }
    }

    @Test
    void aPortInUseFailsTheStartAndLeavesNothingBound() {
        String base = TestClient.randomBase();
        int port = 20000 + new java.util.Random().nextInt(20000);
        try (Lab first = Lab.builder().idrac(1).amt(0).base(base).idracPort(port).tls(false).start()) {
            // the second lab's first address is free, its second is taken by the first lab
            String before = LabAddresses.range(base, 1).get(0).getHostAddress();
            String[] o = before.split("\\.");
            int last = Integer.parseInt(o[3]);
            if (last == 1) {
                return; // no free address just below this random base; another run covers it
            }
            String lower = o[0] + "." + o[1] + "." + o[2] + "." + (last - 1);
            assertThatThrownBy(() -> Lab.builder().idrac(2).amt(0).base(lower).idracPort(port).tls(false).start())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("Address already in use");
            // the listener the failed lab had bound on the free address is released again
            try (Lab again = Lab.builder().idrac(1).amt(0).base(lower).idracPort(port).tls(false).start()) {
                assertThat(again.bmcs().get(0).port()).isEqualTo(port);
            }
            assertThat(first.bmcs().get(0).port()).isEqualTo(port);
        }
    }

    @Test
    void sameSeedSameFleet() {
        String base = TestClient.randomBase();
        String first;
        try (Lab a = Lab.builder().idrac(2).amt(2).base(base).idracPort(0).amtPort(0).seed(42).start()) {
            first = a.bmcs().stream().map(b -> b.serviceTag() + b.password() + b.mac() + b.realm())
                    .collect(Collectors.joining());
        }
        try (Lab b = Lab.builder().idrac(2).amt(2).base(base).idracPort(0).amtPort(0).seed(42).start()) {
            assertThat(b.bmcs().stream().map(x -> x.serviceTag() + x.password() + x.mac() + x.realm())
                    .collect(Collectors.joining())).isEqualTo(first);
        }
    }

    @Test
    void twoLabsOnOtherAddressesNeverShareAMac() {
        String base = TestClient.randomBase();
        String other = base.replaceFirst("\\.\\d+$", ".") + (Integer.parseInt(base.replaceAll(".*\\.", "")) + 10);
        try (Lab a = Lab.builder().idrac(2).amt(2).base(base).idracPort(0).amtPort(0).start();
             Lab b = Lab.builder().idrac(2).amt(2).base(other).idracPort(0).amtPort(0).start()) {
            java.util.List<String> macs = java.util.stream.Stream.concat(a.bmcs().stream(), b.bmcs().stream())
                    .map(SimulatedBmc::mac).toList();
            assertThat(macs).doesNotHaveDuplicates().allMatch(m -> m.matches("02:4F(:[0-9A-F]{2}){4}"));
            assertThat(a.bmcs().getFirst().mac()).isEqualTo(mac(a.bmcs().getFirst().address()));
        }
    }

    private static String mac(String address) {
        String[] o = address.split("\\.");
        return String.format("02:4F:%02X:%02X:%02X:00", Integer.parseInt(o[1]), Integer.parseInt(o[2]),
                Integer.parseInt(o[3]));
    }

    @Test
    void inventoryIsWrittenAsJsonAndCsv(@TempDir Path dir) throws Exception {
        try (Lab lab = Lab.builder().idrac(1).amt(1).base(TestClient.randomBase()).idracPort(0).amtPort(0).start()) {
            Path json = dir.resolve("inv.json");
            Path csv = dir.resolve("inv.csv");
            lab.writeInventory(json);
            lab.writeInventory(csv);
            SimulatedBmc amt = lab.bmcs().get(1);
            String j = Files.readString(json);
            assertThat(j).startsWith("[").contains("{\"address\": \"" + amt.address() + "\", \"port\": " + amt.port()
                    + ", \"type\": \"AMT\", \"username\": \"admin\", \"password\": \"" + amt.password()
                    + "\", \"mac\": \"" + amt.mac() + "\", \"serviceTag\": \"" + amt.serviceTag() + "\", \"scheme\": \"https\"}");
            List<String> lines = Files.readAllLines(csv);
            assertThat(lines.get(0)).isEqualTo("address,port,type,username,password,mac,serviceTag,scheme");
            assertThat(lines.get(2)).isEqualTo(String.join(",", amt.address(), String.valueOf(amt.port()), "AMT",
                    "admin", amt.password(), amt.mac(), amt.serviceTag(), "https"));
        }
    }

    @Test
    void stateFileKeepsPowerAndFirmwareAcrossRestarts(@TempDir Path dir) {
        Path state = dir.resolve("lab.state");
        String base = TestClient.randomBase();
        try (Lab lab = Lab.builder().idrac(2).amt(0).base(base).idracPort(0).stateFile(state).start()) {
            lab.bmcs().get(1).setPowerState(PowerState.ON);
            lab.bmcs().get(1).firmwareModel().setVersion("BIOS.Setup.1-1", "9.9.9");
        }
        try (Lab lab = Lab.builder().idrac(2).amt(0).base(base).idracPort(0).stateFile(state).start()) {
            assertThat(lab.bmcs().get(0).powerState()).isEqualTo(PowerState.OFF);
            assertThat(lab.bmcs().get(1).powerState()).isEqualTo(PowerState.ON);
            assertThat(lab.bmcs().get(1).firmwareVersion("BIOS.Setup.1-1")).isEqualTo("9.9.9");
        }
    }

    @Test
    void faultSpecTargetsAndErrors() {
        List<FaultSpec.Item> items = FaultSpec.parse("reset:0.02, http500:0.5@#1,oversized=2m@127.1.2.3,latency=5-9");
        assertThat(items).extracting(FaultSpec.Item::fault).containsExactly(new Fault.ConnectionReset(0.02),
                new Fault.ServerError(0.5), new Fault.Oversized(1, 2 << 20),
                new Fault.Latency(java.time.Duration.ofMillis(5), java.time.Duration.ofMillis(9)));
        assertThat(items).extracting(FaultSpec.Item::target).containsExactly(null, "#1", "127.1.2.3", null);
        assertThatThrownBy(() -> FaultSpec.parse("explode")).hasMessageContaining("bad fault 'explode'");
        assertThatThrownBy(() -> FaultSpec.parse("reset:2")).hasMessageContaining("0..1");
        try (Lab lab = Lab.builder().idrac(2).amt(0).base(TestClient.randomBase()).idracPort(0)
                .faults("wrongpass@#1,timeout:0.001").start()) {
            assertThat(lab.bmcs().get(1).faults()).containsExactly(new Fault.WrongPassword(1));
            assertThat(lab.bmcs().get(0).faults()).isEmpty();
            assertThat(lab.fleetFaults()).containsExactly(new Fault.Timeout(0.001));
        }
    }

    @Test
    void withoutTlsBothTypesServePlainHttp() throws Exception {
        try (Lab lab = Lab.builder().idrac(1).amt(1).base(TestClient.randomBase()).idracPort(0).amtPort(0)
                .tls(false).start()) {
            assertThat(lab.bmcs()).allSatisfy(b -> {
                assertThat(b.url()).startsWith("http://");
                assertThat(b.certificateSha256()).isNull();
            });
            assertThat(new TestClient(lab.bmcs().get(0)).enumerate(TestClient.DCIM + "DCIM_NICView", true, 9)
                    .body()).contains(lab.bmcs().get(0).mac());
            assertThat(new TestClient(lab.bmcs().get(1)).post(AuthTest.GET_GENERAL).status()).isEqualTo(200);
        }
    }

    @Test
    void badConfigurationIsAClearError() {
        assertThatThrownBy(() -> Lab.builder().base("10.0.0.1").start()).hasMessageContaining("loopback");
        assertThatThrownBy(() -> Lab.builder().idrac(0).amt(0).start()).hasMessageContaining("at least one");
        assertThatThrownBy(() -> Lab.builder().idrac(3).base("127.255.255.253").idracPort(0).start())
                .hasMessageContaining("not enough loopback addresses");
    }
}
