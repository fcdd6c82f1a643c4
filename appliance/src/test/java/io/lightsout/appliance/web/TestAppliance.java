package io.lightsout.appliance.web;

import io.lightsout.appliance.Appliance;
import io.lightsout.appliance.config.ApplianceConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/** The real appliance from its composition root, on free loopback ports, with its own data directory. */
final class TestAppliance implements AutoCloseable {
    private final Appliance appliance;

    private TestAppliance(Appliance appliance) {
        this.appliance = appliance;
    }

    static TestAppliance start(Path data) {
        var config = ApplianceConfig.load(data, null, Map.of(
                "bind.address", "127.0.0.1", "https.port", "0", "http.port", "0", "tls.hostname", "localhost"));
        return new TestAppliance(new Appliance(config).start());
    }

    URI baseUri() {
        return URI.create("https://127.0.0.1:" + appliance.httpsPort() + "/");
    }

    @Override
    public void close() {
        appliance.close();
    }
}
