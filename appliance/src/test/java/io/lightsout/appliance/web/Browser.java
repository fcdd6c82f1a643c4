package io.lightsout.appliance.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.remote.Command;
import org.openqa.selenium.remote.CommandInfo;
import org.openqa.selenium.remote.HttpCommandExecutor;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.remote.Response;
import org.openqa.selenium.remote.http.HttpMethod;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, which this class starts itself so that teardown
 * can stop exactly the processes it started (chromedriver and the Chromium processes below it) by PID.
 * Network traffic is recorded through Chrome's performance log, and response bodies are read back over CDP.
 */
final class Browser implements AutoCloseable {
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final String CDP = "executeCdpCommand";
    /** Generous: the test machine may be shared with other builds; a healthy start takes about a second. */
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Pattern STARTED = Pattern.compile("started successfully on port (\\d+)");

    private final Process chromedriver;
    private final Path profile;
    private final HttpCommandExecutor executor;
    final RemoteWebDriver driver;
    private final List<Map<String, Object>> networkEvents = new ArrayList<>();

    private Browser(Process chromedriver, Path profile, HttpCommandExecutor executor, RemoteWebDriver driver) {
        this.chromedriver = chromedriver;
        this.profile = profile;
        this.executor = executor;
        this.driver = driver;
    }

    /** Starts chromedriver on a free loopback port and opens one headless Chromium session with a fresh profile. */
    static Browser start(Path workDir) throws IOException, InterruptedException {
        for (Path binary : List.of(CHROMEDRIVER, CHROMIUM)) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(binary + " is missing: install the Debian packages chromium and "
                        + "chromium-driver (bin/test installs bin/test-packages)");
            }
        }
        Path profile = Files.createTempDirectory(workDir, "chromium-");
        // port 0: chromedriver binds a free port itself and prints it, so no other test can take it in between
        Process process = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=0", "--allowed-ips=",
                "--log-path=" + workDir.resolve("chromedriver.log")).redirectErrorStream(true).start();
        try {
            URL url = URI.create("http://127.0.0.1:" + awaitPort(process)).toURL();
            var executor = new HttpCommandExecutor(
                    Map.of(CDP, new CommandInfo("/session/:sessionId/goog/cdp/execute", HttpMethod.POST)), url);
            var driver = new RemoteWebDriver(executor, options(profile));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
            return new Browser(process, profile, executor, driver);
        } catch (RuntimeException | IOException | InterruptedException e) {
            stop(process);
            throw e;
        }
    }

    /** Reads chromedriver's output until it names its port; keeps draining it afterwards so it never blocks. */
    private static int awaitPort(Process process) throws IOException, InterruptedException {
        var port = new CompletableFuture<Integer>();
        var output = new StringBuilder();
        Thread.ofVirtual().start(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    Matcher m = STARTED.matcher(line);
                    if (m.find()) port.complete(Integer.parseInt(m.group(1)));
                }
            } catch (IOException closed) {
                // the process ended; handled below
            }
            port.completeExceptionally(new IOException("chromedriver exited: " + output));
        });
        try {
            return port.get(STARTUP.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (IOException) e.getCause();
        } catch (TimeoutException e) {
            synchronized (output) {
                throw new IOException("chromedriver did not start within " + STARTUP.toSeconds() + " s: " + output);
            }
        }
    }

    private static ChromeOptions options(Path profile) {
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--ignore-certificate-errors", "--window-size=1400,900");
        var logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setExperimentalOption("perfLoggingPrefs", Map.of("enableNetwork", true, "enablePage", false));
        return options;
    }

    /** Runs a Chrome DevTools Protocol command in the current session and returns its result object. */
    @SuppressWarnings("unchecked")
    Map<String, Object> cdp(String command, Map<String, Object> params) {
        try {
            Response response = executor.execute(new Command(driver.getSessionId(), CDP,
                    Map.of("cmd", command, "params", params)));
            if (response.getState() != null && !"success".equals(response.getState())) {
                throw new IllegalStateException(command + " failed: " + response.getValue());
            }
            return (Map<String, Object>) response.getValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The bodies of every response the page received since the last call whose URL contains {@code urlPart},
     * read back from Chromium over CDP (Network.getResponseBody). Each entry is "URL\nbody".
     */
    @SuppressWarnings("unchecked")
    List<String> responseBodies(String urlPart) {
        var json = new Json();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            Map<String, Object> envelope = json.toType(entry.getMessage(), Map.class);
            networkEvents.add((Map<String, Object>) envelope.get("message"));
        }
        var bodies = new ArrayList<String>();
        for (var message : networkEvents) {
            if (!"Network.responseReceived".equals(message.get("method"))) continue;
            var params = (Map<String, Object>) message.get("params");
            String url = (String) ((Map<String, Object>) params.get("response")).get("url");
            if (!url.contains(urlPart)) continue;
            try {
                var body = cdp("Network.getResponseBody", Map.of("requestId", params.get("requestId")));
                bodies.add(url + "\n" + body.get("body"));
            } catch (RuntimeException gone) {
                // a body Chromium already evicted (e.g. after navigation) cannot be read; the fetch check covers it
            }
        }
        networkEvents.clear();
        return bodies;
    }

    /** Console messages the page logged since the last call (CSP violations show up here). */
    List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    /** Saves a PNG of the viewport (kept in target/ for a human to look at). */
    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } catch (RuntimeException alreadyGone) {
            // the processes are stopped by PID below either way
        } finally {
            stop(chromedriver);
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void stop(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception stillRunning) {
                handle.destroyForcibly();
            }
        }
    }
}
