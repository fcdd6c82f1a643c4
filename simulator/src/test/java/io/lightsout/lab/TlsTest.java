package io.lightsout.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS as a client other than Java sees it (Python's ssl/OpenSSL): the BMC's own certificate with its IP as
 * SAN, keep-alive (several requests on one connection) and session resumption on a new connection.
 */
class TlsTest {
    private static final String SCRIPT = """
            import sys, ssl, socket, base64, hashlib
            host, port, auth = sys.argv[1], int(sys.argv[2]), sys.argv[3]
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            ctx.check_hostname = False
            ctx.verify_mode = ssl.CERT_NONE
            body = b'<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:wsmid="http://schemas.dmtf.org/wbem/wsman/identity/1/wsmanidentity.xsd"><s:Header/><s:Body><wsmid:Identify/></s:Body></s:Envelope>'
            req = (b"POST /wsman HTTP/1.1\\r\\nHost: " + host.encode() + b"\\r\\nAuthorization: Basic " + auth.encode()
                   + b"\\r\\nContent-Type: application/soap+xml\\r\\nContent-Length: " + str(len(body)).encode()
                   + b"\\r\\n\\r\\n" + body)
            def exchange(s):
                s.sendall(req)
                data = b""
                while b"</s:Envelope>" not in data:
                    chunk = s.recv(65536)
                    if not chunk:
                        break
                    data += chunk
                return data.split(b"\\r\\n")[0].decode()
            s1 = ctx.wrap_socket(socket.create_connection((host, port)))
            print("cert=" + hashlib.sha256(s1.getpeercert(binary_form=True)).hexdigest())
            print("version=" + s1.version())
            print("first=" + exchange(s1))
            print("second=" + exchange(s1))
            sess = s1.session
            s1.close()
            s2 = ctx.wrap_socket(socket.create_connection((host, port)), session=sess)
            print("third=" + exchange(s2))
            print("reused=" + str(s2.session_reused))
            s2.close()
            """;

    @Test
    void keepAliveAndSessionResumptionWork(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("tls.py");
        Files.writeString(script, SCRIPT);
        try (Lab lab = Lab.builder().idrac(2).amt(0).base(TestClient.randomBase()).idracPort(0).start()) {
            SimulatedBmc b = lab.bmcs().get(1);
            String auth = java.util.Base64.getEncoder().encodeToString((b.username() + ":" + b.password()).getBytes());
            String out = DracclientFidelityTest.run(List.of("/usr/bin/python3", script.toString(), b.address(),
                    String.valueOf(b.port()), auth), dir);
            assertThat(DracclientFidelityTest.value(out, "cert")).isEqualTo(b.certificateSha256());
            assertThat(DracclientFidelityTest.value(out, "version")).isIn("TLSv1.3", "TLSv1.2");
            assertThat(DracclientFidelityTest.value(out, "first")).isEqualTo("HTTP/1.1 200 OK");
            assertThat(DracclientFidelityTest.value(out, "second")).isEqualTo("HTTP/1.1 200 OK");
            assertThat(DracclientFidelityTest.value(out, "third")).isEqualTo("HTTP/1.1 200 OK");
            assertThat(DracclientFidelityTest.value(out, "reused")).isEqualTo("True");
            // each BMC has its own certificate
            assertThat(lab.bmcs().get(0).certificateSha256()).isNotEqualTo(b.certificateSha256());
            assertThat(b.certificateHolder().certificate().getSubjectAlternativeNames().toString())
                    .contains(b.address());
        }
    }
}
