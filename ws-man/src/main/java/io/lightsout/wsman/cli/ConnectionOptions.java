package io.lightsout.wsman.cli;

import io.lightsout.wsman.Namespaces;
import io.lightsout.wsman.WsmanClient;
import io.lightsout.wsman.WsmanEndpoint;
import io.lightsout.wsman.WsmanSession;
import io.lightsout.wsman.auth.AuthScheme;
import io.lightsout.wsman.auth.Credentials;
import io.lightsout.wsman.tls.TrustPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/** Options every {@code wsman} subcommand shares: where, who, how to trust, how to print. */
final class ConnectionOptions {

    @Option(names = "--url", required = true, description = "WS-Man URL, e.g. https://10.0.0.5/wsman")
    URI url;

    @Option(names = "--user", required = true, description = "BMC user name")
    String user;

    @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
    boolean passwordStdin;

    @Option(names = "--auth", defaultValue = "AUTO", description = "BASIC, DIGEST or AUTO (default: the BMC's challenge decides)")
    AuthScheme auth;

    @Option(names = "--insecure-pin-first", description = "trust the certificate seen now and print its SHA-256 pin")
    boolean pinFirst;

    @Option(names = "--pin", description = "trust only the certificate with this SHA-256 fingerprint")
    String pin;

    @Option(names = "--ca-file", description = "trust certificates issued by the CA(s) in this PEM file")
    Path caFile;

    @Option(names = "--timeout", defaultValue = "60", description = "response timeout in seconds (default 60)")
    int timeoutSeconds;

    @Option(names = "--json", description = "print JSON instead of XML")
    boolean json;

    @Option(names = {"--resource", "-r"}, description = "resource URI or class name (DCIM_..., CIM_..., AMT_..., IPS_...)")
    String resource;

    String resourceUri() {
        if (resource == null) {
            throw new IllegalArgumentException("--resource is required");
        }
        return Namespaces.resourceUri(resource);
    }

    WsmanSession session(WsmanClient client, InputStream stdin, Consumer<String> notice) throws IOException {
        if (!passwordStdin) {
            throw new IllegalArgumentException("give the password on standard input with --password-stdin");
        }
        String password = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
        if (password == null) {
            throw new IllegalArgumentException("no password on standard input");
        }
        WsmanEndpoint.Builder b = WsmanEndpoint.builder(url, new Credentials(user, password)).auth(auth)
                .responseTimeout(Duration.ofSeconds(timeoutSeconds));
        if ("https".equals(url.getScheme())) {
            b.trust(trust(notice));
        }
        return client.session(b.build());
    }

    private TrustPolicy trust(Consumer<String> notice) throws IOException {
        int chosen = (pinFirst ? 1 : 0) + (pin != null ? 1 : 0) + (caFile != null ? 1 : 0);
        if (chosen > 1) {
            throw new IllegalArgumentException("choose one of --insecure-pin-first, --pin, --ca-file");
        }
        if (pinFirst) {
            return new TrustPolicy.PinOnFirstUse(sha -> notice.accept("pinned " + url.getHost() + " SHA-256 " + sha));
        }
        if (pin != null) {
            return new TrustPolicy.Pinned(pin);
        }
        if (caFile == null) {
            return new TrustPolicy.CaTrust(List.of());
        }
        try (var in = Files.newInputStream(caFile)) {
            List<X509Certificate> cas = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(c -> (X509Certificate) c).toList();
            return new TrustPolicy.CaTrust(cas);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("--ca-file: not PEM certificates: " + e.getMessage());
        }
    }
}
