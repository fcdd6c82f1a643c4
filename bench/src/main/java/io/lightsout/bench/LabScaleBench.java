package io.lightsout.bench;

import io.lightsout.lab.Lab;
import io.lightsout.lab.SimulatedBmc;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench lab-scale}: how the BMC lab behaves at fleet size. Starts N simulated iDRACs (each its own
 * loopback address) with a fixed latency, then drives them with C concurrent WS-Man Enumerate calls from
 * java.net.http: a cold pass (a full TLS handshake per BMC), a second pass (TLS session resumption; the client
 * pools at most C connections) and a keep-alive pass (C BMCs, 10 calls each). CPU per call is split between the
 * lab's threads (XNIO) and the rest (the client), since both run in this process.
 */
@Command(name = "lab-scale", mixinStandardHelpOptions = true,
        description = "Start N simulated BMCs and drive them with C concurrent WS-Man calls.")
public final class LabScaleBench implements Callable<Integer> {

    @Option(names = "--bmcs", description = "simulated iDRACs (default ${DEFAULT-VALUE})")
    int bmcs = 10_000;

    @Option(names = "--latency-ms", description = "lab latency per answer (default ${DEFAULT-VALUE})")
    long latencyMs = 200;

    @Option(names = "--concurrency", description = "calls in flight (default ${DEFAULT-VALUE})")
    int concurrency = 1000;

    @Option(names = "--base", description = "first loopback address (default ${DEFAULT-VALUE})")
    String base = "127.32.0.1";

    @Option(names = "--port", description = "iDRAC port (default ${DEFAULT-VALUE})")
    int port = 10443;

    @Option(names = "--tls", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "HTTPS (default on)")
    boolean tls;

    @Override
    public Integer call() throws Exception {
        // the client and the lab share this process's file descriptors: bound the idle connections the client keeps
        System.setProperty("jdk.httpclient.connectionPoolSize", String.valueOf(concurrency));
        Runtime rt = Runtime.getRuntime();
        long t0 = System.nanoTime();
        try (Lab lab = Lab.builder().idrac(bmcs).amt(0).base(base).idracPort(port).tls(tls)
                .latency(Duration.ofMillis(latencyMs), Duration.ofMillis(latencyMs)).start()) {
            double startS = seconds(t0);
            System.gc();
            long heapMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
            System.out.printf("lab-scale: %d BMCs listening after %.2f s; heap in use %d MiB%n", bmcs, startS, heapMb);

            long tc = System.nanoTime();
            Set<String> pins = new HashSet<>();
            if (tls) {
                for (SimulatedBmc b : lab.bmcs()) {
                    pins.add(b.certificateSha256());
                }
            }
            System.out.printf("lab-scale: %d certificates (EC P-256) created in %.2f s%n", tls ? bmcs : 0, seconds(tc));

            HttpClient http = HttpClient.newBuilder().sslContext(pinned(pins)).connectTimeout(Duration.ofSeconds(30))
                    .build();
            pass("cold: 1 call/BMC, full TLS handshake", http, lab.bmcs());
            pass("again: 1 call/BMC, TLS resumption", http, lab.bmcs());
            List<SimulatedBmc> few = lab.bmcs().subList(0, Math.min(concurrency, bmcs));
            List<SimulatedBmc> repeated = new java.util.ArrayList<>();
            for (int r = 0; r < 10; r++) {
                repeated.addAll(few);
            }
            pass("keep-alive: " + few.size() + " BMCs x 10 calls", http, repeated);
            long tStop = System.nanoTime();
            lab.close();
            System.out.printf("lab-scale: stopped in %.2f s%n", seconds(tStop));
        }
        return 0;
    }

    private void pass(String name, HttpClient http, List<SimulatedBmc> targets) throws Exception {
        byte[] body = enumerate().getBytes(StandardCharsets.UTF_8);
        Semaphore inFlight = new Semaphore(concurrency);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long[] lat = new long[targets.size()];
        CompletableFuture<?>[] all = new CompletableFuture<?>[targets.size()];
        long labCpu0 = cpuNanos(true);
        long clientCpu0 = cpuNanos(false);
        long t0 = System.nanoTime();
        for (int i = 0; i < targets.size(); i++) {
            SimulatedBmc b = targets.get(i);
            inFlight.acquire();
            long start = System.nanoTime();
            int idx = i;
            HttpRequest req = HttpRequest.newBuilder(URI.create(b.url())).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/soap+xml;charset=UTF-8")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (b.username() + ":" + b.password()).getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            all[i] = http.sendAsync(req, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
                lat[idx] = System.nanoTime() - start;
                if (e == null && r.statusCode() == 200 && r.body().contains("ServiceTag")) {
                    ok.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
                inFlight.release();
            });
        }
        CompletableFuture.allOf(all).handle((v, e) -> null).join();
        double s = seconds(t0);
        double labMs = (cpuNanos(true) - labCpu0) / 1e6 / targets.size();
        double clientMs = (cpuNanos(false) - clientCpu0) / 1e6 / targets.size();
        Arrays.sort(lat);
        System.out.printf("lab-scale: %-38s %6d calls in %6.2f s = %6.0f calls/s; ok %d, failed %d; "
                        + "latency p50 %d ms, p99 %d ms (lab adds %d ms); CPU per call: lab %.2f ms, client %.2f ms%n",
                name, targets.size(), s, targets.size() / s, ok.get(), failed.get(), pct(lat, 50), pct(lat, 99),
                latencyMs, labMs, clientMs);
    }

    /** CPU time of the lab's threads (Undertow/XNIO) or of every other thread (the client), in ns. */
    private static long cpuNanos(boolean lab) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (java.lang.management.ThreadInfo ti : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (ti != null && ti.getThreadName().startsWith("XNIO-") == lab) {
                long t = mx.getThreadCpuTime(ti.getThreadId());
                sum += Math.max(0, t);
            }
        }
        return sum;
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1_000_000;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String enumerate() {
        return "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" "
                + "xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" "
                + "xmlns:wsman=\"http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd\" "
                + "xmlns:wsen=\"http://schemas.xmlsoap.org/ws/2004/09/enumeration\"><s:Header>"
                + "<wsa:Action>http://schemas.xmlsoap.org/ws/2004/09/enumeration/Enumerate</wsa:Action>"
                + "<wsman:ResourceURI>http://schemas.dell.com/wbem/wscim/1/cim-schema/2/DCIM_SystemView"
                + "</wsman:ResourceURI><wsa:MessageID>uuid:0d9b7bde-3a43-4e2c-9f2a-6f1f0c4c0001</wsa:MessageID>"
                + "</s:Header><s:Body><wsen:Enumerate><wsman:OptimizeEnumeration/><wsman:MaxElements>10"
                + "</wsman:MaxElements></wsen:Enumerate></s:Body></s:Envelope>";
    }

    /** Trusts exactly the lab's certificates (by SHA-256), not everything. */
    private static SSLContext pinned(Set<String> pins) throws Exception {
        X509TrustManager tm = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("no client certificates here");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                try {
                    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(chain[0].getEncoded()));
                    if (!pins.contains(sha)) {
                        throw new CertificateException("not a lab certificate: " + sha);
                    }
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new CertificateException(e);
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(null, new TrustManager[] {tm}, null);
        return c;
    }
}
