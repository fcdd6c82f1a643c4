package io.lightsout.appliance.power;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.appliance.Http;
import io.lightsout.appliance.Http.Auth;
import io.lightsout.appliance.Http.Res;
import io.lightsout.appliance.TestAppliance;
import io.lightsout.lab.Lab;
import io.lightsout.lab.SimulatedBmc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;

/** A lab on a random loopback /24, imported as nodes into a started test appliance, with operator and read-only tokens. */
final class LabFleet implements AutoCloseable {
    final Lab lab;
    final TestAppliance appliance;
    final Http http;
    final Auth operator;
    final Auth readonly;

    private LabFleet(Lab lab, TestAppliance appliance) {
        this.lab = lab;
        this.appliance = appliance;
        this.http = appliance.http();
        this.operator = Auth.bearer(appliance.appliance().tokens().create("test", "op", "operator", null).token());
        this.readonly = Auth.bearer(appliance.appliance().tokens().create("test", "ro", "readonly", null).token());
    }

    /** Starts {@code builder}'s lab (its base is set here) and the appliance, and imports every BMC as a node. */
    static LabFleet start(Lab.Builder builder) throws Exception {
        SecureRandom r = new SecureRandom();
        Lab lab = builder.base("127." + (64 + r.nextInt(64)) + "." + r.nextInt(256) + "." + (1 + r.nextInt(200)))
                .start();
        LabFleet f;
        try {
            f = new LabFleet(lab, TestAppliance.started(Clock.systemUTC(), Map.of()));
        } catch (Exception | Error e) {
            lab.close();
            throw e;
        }
        Path csv = Files.createTempFile("lab", ".csv");
        lab.writeInventory(csv);
        Res imported = f.http.send("POST", "/api/v1/nodes/import", Files.readString(csv), "text/csv",
                f.http.login("admin", TestAppliance.ADMIN_PW));
        Files.delete(csv);
        assertThat(imported.json().path("imported").asInt()).as(imported.body()).isEqualTo(lab.bmcs().size());
        return f;
    }

    String nodeId(SimulatedBmc b) {
        return http.get("/api/v1/nodes?q=" + b.address(), readonly).json().path("items").get(0).path("id").asText();
    }

    @Override
    public void close() {
        try {
            appliance.close();
        } finally {
            lab.close();
        }
    }
}
