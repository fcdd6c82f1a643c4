package io.lightsout.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hostile client must not get anything out of the lab: its own XML parsing is hardened. */
class HostileRequestTest {
    static Lab lab;
    static TestClient c;

    @BeforeAll
    static void start() {
        lab = Lab.builder().idrac(1).amt(0).base(TestClient.randomBase()).idracPort(0).start();
        c = new TestClient(lab.bmcs().get(0));
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    @Test
    void externalEntitiesAreRefused(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE s:Envelope [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                + TestClient.envelope(TestClient.ENUM + "/Enumerate", TestClient.DCIM + "DCIM_SystemView", null,
                "<wsen:Enumerate><wsman:Filter>&x;</wsman:Filter></wsen:Enumerate>");
        TestClient.Resp r = c.post(xxe);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("wsman:SchemaValidationError").doesNotContain("TOP-SECRET");
    }

    @Test
    void entityExpansionIsRefusedQuickly() throws Exception {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE s:Envelope [<!ENTITY a \"aaaaaaaaaa\">");
        String prev = "a";
        for (int i = 0; i < 12; i++) {
            String n = "e" + i;
            dtd.append("<!ENTITY ").append(n).append(" \"").append(("&" + prev + ";").repeat(10)).append("\">");
            prev = n;
        }
        dtd.append("]>");
        String bomb = "<?xml version=\"1.0\"?>" + dtd + TestClient.envelope(TestClient.ENUM + "/Enumerate",
                TestClient.DCIM + "DCIM_SystemView", null, "<wsen:Enumerate>&" + prev + ";</wsen:Enumerate>");
        TestClient.Resp r = c.post(bomb);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("SchemaValidationError");
    }

    @Test
    void garbageAndWrongEnvelopesAreFaultsNotCrashes() throws Exception {
        assertThat(c.post("this is not xml").status()).isEqualTo(400);
        TestClient.Resp soap11 = c.post("<Envelope xmlns=\"http://schemas.xmlsoap.org/soap/envelope/\"><Body/></Envelope>");
        assertThat(soap11.status()).isEqualTo(400);
        assertThat(soap11.body()).contains("VersionMismatch");
        assertThat(c.enumerate(TestClient.DCIM + "DCIM_SystemView", true, 1).status()).isEqualTo(200);
    }

    @Test
    void oversizedRequestsWrongMethodsAndPathsAreRefused() throws Exception {
        SimulatedBmc b = lab.bmcs().get(0);
        byte[] big = new byte[600 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        assertThat(c.send(big, Duration.ofSeconds(10)).status()).isEqualTo(413);
        HttpResponse<String> get = c.http.send(HttpRequest.newBuilder(URI.create(b.url())).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        HttpResponse<String> path = c.http.send(HttpRequest.newBuilder(URI.create(b.url().replace("/wsman", "/x")))
                .POST(HttpRequest.BodyPublishers.ofString("x", StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(path.statusCode()).isEqualTo(404);
    }
}
