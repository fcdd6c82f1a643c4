package io.lightsout.bench.wsman;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.lab.Lab;
import io.lightsout.lab.SimulatedBmc;
import io.lightsout.wsman.WsmanClient;
import io.lightsout.wsman.WsmanEndpoint;
import io.lightsout.wsman.amt.AmtProfile;
import io.lightsout.wsman.auth.AuthScheme;
import io.lightsout.wsman.auth.Credentials;
import io.lightsout.wsman.idrac.IdracProfile;
import io.lightsout.wsman.profile.PowerReading;
import io.lightsout.wsman.profile.PowerState;
import io.lightsout.wsman.tls.TrustPolicy;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabProcessesTest {

    private static String randomBase(int hostOctet) {
        SecureRandom r = new SecureRandom();
        return "127." + (64 + r.nextInt(64)) + "." + r.nextInt(255) + "." + hostOctet;
    }

    @Test
    void addressesFollowTheLabsNumberingAcrossSkippedOctets() {
        // starts near the end of a /24 so the numbering has to skip .255 and .0
        String base = randomBase(250);
        try (Lab lab = Lab.builder().idrac(12).amt(0).base(base).idracPort(0).tls(false).start()) {
            long first = LabProcesses.parse(base);
            for (int i = 0; i < lab.bmcs().size(); i++) {
                assertThat(LabProcesses.format(LabProcesses.nth(first, i))).isEqualTo(lab.bmcs().get(i).address());
            }
        }
    }

    @Test
    void aLabSplitOverTwoProcessesAnswersEveryBmcAndCountsTheRequests() throws Exception {
        String base = randomBase(1 + new SecureRandom().nextInt(200));
        try (LabProcesses labs = LabProcesses.start(3, 2, base, 0, true, 2);
             WsmanClient client = WsmanClient.create(Duration.ofSeconds(20), 1)) {
            assertThat(labs.processes()).isEqualTo(2);
            List<LabProcesses.Bmc> bmcs = labs.bmcs();
            assertThat(bmcs).extracting(LabProcesses.Bmc::type)
                    .containsExactly("IDRAC", "IDRAC", "IDRAC", "AMT", "AMT");
            assertThat(bmcs).extracting(LabProcesses.Bmc::address).doesNotHaveDuplicates()
                    .startsWith(base);
            long before = labs.stats().requests();
            List<PowerReading> readings = new ArrayList<>();
            for (LabProcesses.Bmc b : bmcs) {
                var session = client.session(WsmanEndpoint.builder(URI.create(b.url(true)),
                                new Credentials(b.username(), b.password()))
                        .auth(b.idrac() ? AuthScheme.BASIC : AuthScheme.DIGEST)
                        .trust(new TrustPolicy.Pinned(b.sha256())).build());
                readings.add(b.idrac() ? new IdracProfile(session).powerState() : new AmtProfile(session).powerState());
            }
            assertThat(readings).extracting(PowerReading::state).containsOnly(PowerState.OFF);
            // iDRAC: one request each; AMT: Digest challenge + answer
            assertThat(labs.stats().requests() - before).isEqualTo(3 + 2 * 2);
            assertThat(labs.stats().cpuSeconds()).isPositive();
        }
    }
}
