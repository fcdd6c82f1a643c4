package io.lightsout.appliance.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.appliance.TestAppliance;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/** The certificate made at first boot names every way a browser may reach the appliance. */
class SelfSignedNamesTest {

    @Test
    void theSansHoldTheHostNamesThePublicNameAndEveryLocalAddress() throws Exception {
        try (TestAppliance app = TestAppliance.start(Clock.systemUTC(), Map.of("http.public-name",
                "lightsout.example.net", "tls.hostname", "appliance-7"))) {
            X509Certificate cert = served(app.appliance().httpsPort());
            assertThat(cert.getSubjectX500Principal().getName()).contains("CN=appliance-7");
            List<String> dns = new ArrayList<>();
            List<String> ips = new ArrayList<>();
            for (List<?> san : cert.getSubjectAlternativeNames()) {
                (((Integer) san.get(0)) == 2 ? dns : ips).add((String) san.get(1));
            }
            String machine = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            assertThat(dns).contains("appliance-7", "lightsout.example.net", machine, "localhost");
            assertThat(ips).contains("127.0.0.1");
            List<InetAddress> parsed = new ArrayList<>();
            for (String ip : ips) {
                parsed.add(InetAddress.getByName(ip));
            }
            assertThat(parsed).as("each address once").doesNotHaveDuplicates();
            assertThat(dns).doesNotHaveDuplicates();
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    if (a instanceof java.net.Inet4Address) {
                        assertThat(ips).as(nif.getName()).contains(a.getHostAddress());
                    } else {
                        assertThat(ips).as(nif.getName()).anySatisfy(ip -> assertThat(InetAddress.getByName(ip))
                                .isEqualTo(InetAddress.getByAddress(a.getAddress())));
                    }
                }
            }
        }
    }

    /** The leaf certificate the listener presents (trust is not the point here: the names are). */
    private static X509Certificate served(int port) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.startHandshake();
            return (X509Certificate) s.getSession().getPeerCertificates()[0];
        }
    }
}
