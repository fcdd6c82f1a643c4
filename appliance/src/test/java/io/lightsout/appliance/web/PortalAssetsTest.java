package io.lightsout.appliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The portal's static files obey the appliance's CSP and work offline: no inline script or style, no eval or HTML
 * strings, nothing loaded from another origin, and every module import (static or lazy) names a file that exists.
 * The browser test proves the pages run; this catches a broken or unsafe asset the scenarios do not visit.
 */
class PortalAssetsTest {
    private static final Path WEB = Path.of(System.getProperty("lightsout.repo", ".."), "appliance", "src", "main",
            "resources", "web");
    private static final Pattern IMPORT = Pattern.compile("(?:from\\s+|import\\()\\s*'(\\.{1,2}/[^']+)'");

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(WEB)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void htmlHasNoInlineScriptOrStyleAndLoadsOnlyLocalFiles() throws IOException {
        for (Path html : files(".html")) {
            String text = Files.readString(html);
            assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(text).find())
                    .as("%s has an inline <script>", html).isFalse();
            assertThat(text).as(html.toString()).doesNotContain("<style").doesNotContain(" style=")
                    .doesNotContainPattern("\\son[a-z]+=").doesNotContainPattern("(src|href)=\"(https?:)?//");
        }
    }

    @Test
    void scriptsAvoidWhatTheCspForbidsAndWhatInjectsMarkup() throws IOException {
        List<Path> scripts = files(".js");
        assertThat(scripts).isNotEmpty();
        for (Path js : scripts) {
            String text = Files.readString(js);
            assertThat(text).as(js.toString())
                    .doesNotContain("innerHTML").doesNotContain("outerHTML =").doesNotContain("insertAdjacentHTML")
                    .doesNotContain("document.write").doesNotContainPattern("\\beval\\(")
                    .doesNotContain("new Function").doesNotContain(".style.cssText")
                    .doesNotContainPattern("setAttribute\\('style'")
                    .doesNotContainPattern("['\"`]https?://(?!proxy\\.example|www\\.w3\\.org/2000/svg')"); // a namespace name is not a fetch
        }
    }

    @Test
    void everyModuleImportResolves() throws IOException {
        List<String> missing = new ArrayList<>();
        int imports = 0;
        for (Path js : files(".js")) {
            var matcher = IMPORT.matcher(Files.readString(js));
            while (matcher.find()) {
                imports++;
                if (!Files.isRegularFile(js.resolveSibling(matcher.group(1)).normalize())) {
                    missing.add(WEB.relativize(js) + " → " + matcher.group(1));
                }
            }
        }
        assertThat(imports).isGreaterThan(20);
        assertThat(missing).isEmpty();
    }

    @Test
    void cssHasNoRemoteResources() throws IOException {
        for (Path css : files(".css")) {
            assertThat(Files.readString(css)).as(css.toString())
                    .doesNotContainPattern("url\\(\\s*['\"]?(https?:)?//").doesNotContain("@import");
        }
    }
}
