package io.lightsout.lab.wsman;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The fast path must agree with the hardened StAX reader on every document it takes, and pass on anything odd. */
class PlainXmlTest {
    static final Path GOLDEN = Path.of(System.getProperty("lightsout.repo", ".."), "..", "shared", "wsman-golden");

    private static XmlElement plain(String doc) {
        return PlainXml.tryParse(doc.getBytes(StandardCharsets.UTF_8), 20_000, 32);
    }

    @Test
    void agreesWithStaxOnEveryGoldenDocumentItTakes() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(GOLDEN)) {
            files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(100);
        int taken = 0;
        int requests = 0;
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            XmlElement fast = PlainXml.tryParse(bytes, 20_000, 32);
            XmlElement full;
            try {
                full = SoapParser.stax(bytes);
            } catch (WsmanFault refused) {
                assertThat(fast).as("%s: refused by StAX (%s), taken by the fast path", f, refused.getMessage())
                        .isNull();
                continue;
            }
            if (fast != null) {
                taken++;
                assertThat(fast).as(f.toString()).isEqualTo(full);
            }
            if (f.getParent().endsWith("requests") && fast != null) {
                requests++;
            }
        }
        // the fast path is the path requests take: every recorded AMT request, and most responses
        assertThat(requests).isEqualTo(Files.list(GOLDEN.resolve("amt/requests")).count());
        assertThat(taken).isGreaterThan(files.size() / 2);
    }

    @Test
    void namespacesAttributesEntitiesAndCommentsAsStaxSeesThem() {
        String doc = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- c --><s:E xmlns:s=\"urn:s\" xmlns=\"urn:d\">"
                + "<s:H a=\"1 &amp; 2\" s:b='x'><M>t&lt;&#x41;&#66;<!-- in -->u</M><N xmlns=\"\"/></s:H></s:E>";
        XmlElement fast = plain(doc);
        assertThat(fast).isNotNull().isEqualTo(SoapParser.stax(doc.getBytes(StandardCharsets.UTF_8)));
        XmlElement h = fast.child("H");
        assertThat(h.namespace()).isEqualTo("urn:s");
        assertThat(h.attributes()).containsEntry("a", "1 & 2").containsEntry("b", "x");
        assertThat(h.child("M").namespace()).isEqualTo("urn:d");
        assertThat(h.child("M").text()).isEqualTo("t<ABu");
        assertThat(h.child("N").namespace()).isEmpty();
    }

    @Test
    void anythingButPlainXmlGoesToTheFullParser() {
        List<String> odd = List.of(
                "<!DOCTYPE r [<!ENTITY x \"y\">]><r>&x;</r>",
                "<r>&x;</r>",
                "<r><![CDATA[x]]></r>",
                "<r><?pi x?></r>",
                "<?xml version=\"1.1\"?><r/>",
                "<?xml version=\"1.0\" encoding=\"UTF-16\"?><r/>",
                "<r><a></b></r>",
                "<r>",
                "<r/><r/>",
                "<r a=1/>",
                "<r a=\"1\" a=\"2\"/>",
                "<p:r/>",
                "<r xmlns:p=\"\"><p:a/></r>",
                "<r>]]></r>",
                "<r>\u0001</r>",
                "<r>&#1;</r>",
                "<r>caf\u00e9</r>",
                "<r a=\"<\"/>",
                "<r a=\"x\"b=\"y\"/>",
                "x<r/>",
                "<r><!-- a -- b --></r>",
                "<a>".repeat(33) + "</a>".repeat(33));
        for (String doc : odd) {
            assertThat(plain(doc)).as(doc).isNull();
        }
    }
}
