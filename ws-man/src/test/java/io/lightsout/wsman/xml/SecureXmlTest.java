package io.lightsout.wsman.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lightsout.wsman.testing.Golden;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecureXmlTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void externalEntitiesAreRefusedAndNothingIsRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]><r>&x;</r>";
        assertThatThrownBy(() -> SecureXml.parse(b(xxe))).isInstanceOfSatisfying(XmlParseException.class,
                e -> assertThat(e.getMessage()).doesNotContain("TOP-SECRET"));
        assertThatThrownBy(() -> SecureXml.parseLenient(b(xxe))).isInstanceOf(XmlParseException.class);
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE r [<!ENTITY a0 \"ha\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY a").append(i).append(" \"").append(("&a" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String doc = dtd.append("]><r>&a9;</r>").toString();
        assertThatThrownBy(() -> SecureXml.parseLenient(b(doc))).isInstanceOf(XmlParseException.class);
    }

    @Test
    void aDoctypeAloneIsRefused() {
        assertThatThrownBy(() -> SecureXml.parse(b("<!DOCTYPE r><r/>"))).isInstanceOfSatisfying(
                XmlParseException.class, e -> assertThat(e.reason()).isEqualTo(XmlParseException.Reason.REFUSED));
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "<a>".repeat(100) + "</a>".repeat(100);
        assertThatThrownBy(() -> SecureXml.parse(b(deep))).isInstanceOfSatisfying(XmlParseException.class,
                e -> assertThat(e.reason()).isEqualTo(XmlParseException.Reason.REFUSED));
    }

    @Test
    void lenientPathStripsControlCharactersAndCharacterReferences() throws Exception {
        String dirty = "<r><v>ab\u0001c&#x1F;d&#7;</v></r>";
        assertThatThrownBy(() -> SecureXml.parse(b(dirty))).isInstanceOf(XmlParseException.class);
        assertThat(SecureXml.parseLenient(b(dirty)).childNamed("v").orElseThrow().text()).isEqualTo("abcd");
    }

    @Test
    void lenientPathAcceptsTheGoldenFilesWithWhitespaceBeforeTheDeclaration() throws Exception {
        for (String f : List.of("amt/asset/enumerate.xml", "amt/asset/pull.xml", "amt/asset/get.xml")) {
            byte[] doc = Golden.bytes("amt/responses/" + f);
            assertThatThrownBy(() -> SecureXml.parse(doc)).isInstanceOf(XmlParseException.class);
            assertThat(SecureXml.parseLenient(doc).name()).isEqualTo("Envelope");
        }
    }

    @Test
    void everyOtherGoldenResponseParsesStrictly() throws Exception {
        try (Stream<Path> files = Files.walk(Golden.root().resolve("amt/responses"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".xml") && !f.toString().contains("/asset/"))
                    .toList()) {
                assertThat(SecureXml.parse(Files.readAllBytes(p)).name()).as(p.toString()).isEqualTo("Envelope");
            }
        }
        try (Stream<Path> files = Files.list(Golden.root().resolve("idrac/responses"))) {
            for (Path p : files.toList()) {
                assertThat(SecureXml.parse(Files.readAllBytes(p)).name()).as(p.toString()).isEqualTo("Envelope");
            }
        }
    }

    @Test
    void pooledReadersStayHardenedAndForgetThePreviousDocument() throws Exception {
        // more parses than a pooled factory serves, from several threads, hostile and good documents interleaved
        String xxe = "<!DOCTYPE r [<!ENTITY x \"boom\">]><r xmlns=\"urn:a\">&x;</r>";
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.ConcurrentLinkedQueue<String> problems = new java.util.concurrent.ConcurrentLinkedQueue<>();
        for (int t = 0; t < 4; t++) {
            int id = t;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 700; i++) {
                    String ns = "urn:t" + id + ":" + (i % 3);
                    String good = "<p:r xmlns:p=\"" + ns + "\"><p:v a=\"" + i + "\">" + i + "</p:v></p:r>";
                    try {
                        XmlElement r = SecureXml.parseWithStax(b(good));
                        XmlElement v = r.children().get(0);
                        if (!r.namespace().equals(ns) || !v.text().equals(String.valueOf(i))
                                || !v.attributes().get("a").equals(String.valueOf(i))) {
                            problems.add("wrong tree for " + good);
                        }
                    } catch (XmlParseException e) {
                        problems.add(good + ": " + e.getMessage());
                    }
                    if (i % 50 == 0) {
                        try {
                            SecureXml.parseWithStax(b(xxe));
                            problems.add("DOCTYPE accepted on a pooled reader");
                        } catch (XmlParseException e) {
                            if (e.reason() != XmlParseException.Reason.REFUSED) {
                                problems.add("DOCTYPE not refused: " + e.getMessage());
                            }
                        }
                    }
                    if (i % 70 == 0) {
                        try {
                            SecureXml.parseWithStax(b("<r><unclosed></r>"));
                            problems.add("malformed accepted");
                        } catch (XmlParseException expected) {
                            // and the next document must still parse
                        }
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(problems).isEmpty();
    }
}
