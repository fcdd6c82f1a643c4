package io.lightsout.appliance.cli.client;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Option;

/**
 * The options every API client command shares (a picocli mixin): where the appliance is, the API token, how its
 * certificate is trusted, and JSON output.
 */
public final class ClientOptions {
    public static final String DEFAULT_URL = "https://127.0.0.1:8443";

    @Option(names = "--url", defaultValue = DEFAULT_URL, description = "Appliance URL (default ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding an API token (default: "
            + "environment variable LIGHTSOUT_TOKEN).")
    Path tokenFile;

    @Option(names = "--ca", paramLabel = "FILE", description = "PEM file of the CA that issued the appliance certificate.")
    Path ca;

    @Option(names = "--trust-fingerprint", paramLabel = "SHA256", description = "Trust exactly the appliance "
            + "certificate with this SHA-256 fingerprint.")
    String fingerprint;

    @Option(names = "--insecure", description = "Do not check the appliance certificate (labs only: anyone on the "
            + "path can read and change the traffic).")
    boolean insecure;

    @Option(names = "--json", description = "Print the API's JSON instead of a table.")
    boolean json;

    public boolean json() {
        return json;
    }

    /** A client for these options; prints the --insecure warning on stderr. */
    public ApiClient client() throws IOException {
        return new ApiClient(url, token(), ssl());
    }

    private SSLContext ssl() throws IOException {
        int chosen = (ca != null ? 1 : 0) + (fingerprint != null ? 1 : 0) + (insecure ? 1 : 0);
        if (chosen > 1) {
            throw new IllegalArgumentException("choose one of --ca, --trust-fingerprint and --insecure");
        }
        if (ca != null) {
            return Trust.caFile(ca);
        }
        if (fingerprint != null) {
            return Trust.pinned(fingerprint);
        }
        if (insecure) {
            System.err.println("WARNING: --insecure: the appliance certificate is NOT checked; use only in a lab");
            return Trust.insecure();
        }
        return Trust.system();
    }

    private String token() throws IOException {
        if (tokenFile != null) {
            return Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        }
        String env = System.getenv("LIGHTSOUT_TOKEN");
        if (env == null || env.isBlank()) {
            throw new IllegalArgumentException("no API token: use --token-file FILE or set LIGHTSOUT_TOKEN "
                    + "(create one with `bin/lightsout token create` or in the portal)");
        }
        return env.strip();
    }
}
