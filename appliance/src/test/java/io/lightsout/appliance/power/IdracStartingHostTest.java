package io.lightsout.appliance.power;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.appliance.Http.Res;
import io.lightsout.lab.Lab;
import io.lightsout.lab.PowerState;
import io.lightsout.lab.SimulatedBmc;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A lab iDRAC whose host takes a minute to start: while it starts its state still reads off, and a second power-on
 * gets iDRAC's SYS021 "Server is already powered ON." over real WS-Man/TLS; that is the request done, not an error.
 */
class IdracStartingHostTest {
    private static LabFleet fleet;
    private static SimulatedBmc idrac;
    private static String id;

    @BeforeAll
    static void start() throws Exception {
        fleet = LabFleet.start(Lab.builder().idrac(1).idracPort(0).powerDelay(Duration.ofSeconds(60)));
        idrac = fleet.lab.bmcs().getFirst();
        id = fleet.nodeId(idrac);
    }

    @AfterAll
    static void stop() {
        if (fleet != null) {
            fleet.close();
        }
    }

    private static Res power(String action) {
        return fleet.http.json("POST", "/api/v1/nodes/" + id + "/power", Map.of("action", action), fleet.operator);
    }

    @Test
    void aPowerOnToAHostStillStartingIsAlreadyOnNotABmcError() {
        idrac.setPowerState(PowerState.OFF);
        Res first = power("on");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(idrac.powerTransitioning()).isTrue();
        assertThat(idrac.powerState()).as("still starting").isEqualTo(PowerState.OFF);

        Res second = power("on");
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().path("outcome").asText()).as(second.body()).isEqualTo("done");
        assertThat(second.body()).contains("already on").contains("SYS021");
    }

    @Test
    void aCycleOfAHostThatIsOffStaysRefused() {
        idrac.setPowerState(PowerState.OFF);
        Res cycle = power("cycle");
        assertThat(cycle.status()).as(cycle.body()).isEqualTo(409);
    }
}
