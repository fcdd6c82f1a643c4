package io.lightsout.wsman.xml;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.wsman.testing.Golden;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The fast path must build exactly the StAX reader's tree for every document it takes, and pass on anything odd. */
class PlainXmlReaderTest {

    private static XmlElement plain(String doc) {
        return PlainXmlReader.tryParse(doc.getBytes(StandardCharsets.UTF_8), 500_000, 64);
    }

    @Test
    void agreesWithStaxOnEveryGoldenDocumentItTakes() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Golden.root())) {
            files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(100);
        int taken = 0;
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            XmlElement fast = PlainXmlReader.tryParse(bytes, 500_000, 64);
            XmlElement full;
            try {
                full = SecureXml.parseWithStax(bytes);
            } catch (XmlParseException refused) {
                assertThat(fast).as("%s: refused by StAX (%s), taken by the fast path", f, refused.getMessage())
                        .isNull();
                continue;
            }
            if (fast != null) {
                taken++;
                assertThat(fast).as(f.toString()).isEqualTo(full);
            }
        }
        assertThat(taken).as("golden documents on the fast path").isGreaterThan(files.size() / 2);
    }

    @Test
    void namespacesAttributesEntitiesAndCommentsAsStaxSeesThem() throws Exception {
        String doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<s:E xmlns:s=\"urn:s\" xmlns=\"urn:d\">\n"
                + "  <s:H a=\"1 &amp; 2\" s:b='x' xsi:nil=\"true\" xmlns:xsi=\"" + SecureXml.XSI + "\">"
                + "<M>t&lt;&#x41;&#66;<!-- in -->u</M><N xmlns=\"\"/></s:H>\n</s:E>";
        XmlElement fast = plain(doc);
        assertThat(fast).isNotNull().isEqualTo(SecureXml.parseWithStax(doc.getBytes(StandardCharsets.UTF_8)));
        XmlElement h = fast.children().get(0);
        assertThat(h.attributes()).containsEntry("a", "1 & 2").containsEntry("{urn:s}b", "x")
                .containsEntry("{" + SecureXml.XSI + "}nil", "true").hasSize(3);
        assertThat(h.isNil()).isTrue();
        assertThat(h.children().get(0).text()).isEqualTo("t<ABu");
        assertThat(h.children().get(1).namespace()).isEmpty();
    }

    @Test
    void anythingButPlainXmlGoesToTheFullParser() {
        List<String> odd = List.of(
                "<!DOCTYPE r [<!ENTITY x \"y\">]><r>&x;</r>",
                "<r>&x;</r>",
                "<r><![CDATA[x]]></r>",
                "<r><?pi x?></r>",
                "<?xml version=\"1.1\"?><r/>",
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r/>",
                "  <?xml version=\"1.0\"?><r/>",
                "<r><a></b></r>",
                "<r>",
                "<r/><r/>",
                "<r a=1/>",
                "<r a=\"1\" a=\"2\"/>",
                "<r xmlns:p=\"urn:x\" xmlns:q=\"urn:x\" p:a=\"1\" q:a=\"2\"/>",
                "<r a=\"x\ny\"/>",
                "<p:r/>",
                "<r>]]></r>",
                "<r>\u0001</r>",
                "<r>&#1;</r>",
                "<r>caf\u00e9</r>",
                "<r a=\"<\"/>",
                "<r a=\"x\"b=\"y\"/>",
                "<a>".repeat(65) + "</a>".repeat(65));
        for (String doc : odd) {
            assertThat(plain(doc)).as(doc).isNull();
        }
    }
}
