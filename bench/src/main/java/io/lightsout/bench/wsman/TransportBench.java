package io.lightsout.bench.wsman;

import com.sun.net.httpserver.HttpServer;
import io.lightsout.wsman.Namespaces;
import io.lightsout.wsman.SelectorSet;
import io.lightsout.wsman.WsmanClient;
import io.lightsout.wsman.WsmanEndpoint;
import io.lightsout.wsman.WsmanSession;
import io.lightsout.wsman.auth.AuthScheme;
import io.lightsout.wsman.auth.Credentials;
import jakarta.xml.soap.MessageFactory;
import jakarta.xml.soap.SOAPConstants;
import jakarta.xml.soap.SOAPElement;
import jakarta.xml.soap.SOAPHeader;
import jakarta.xml.soap.SOAPMessage;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.soap.SOAPBinding;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.namespace.QName;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench wsman-transport}: the same WS-Man Get, many times, against a JDK HttpServer on loopback answering a
 * canned response — once through our client (envelope text + pooled blocking sockets on virtual threads + StAX) and once through CXF's
 * {@code Dispatch<SOAPMessage>} (SAAJ, SOAP 1.2). Prints calls/s and CPU microseconds per call for each.
 */
@Command(name = "wsman-transport", mixinStandardHelpOptions = true,
        description = "Compare our WS-Man transport with CXF's SAAJ Dispatch on a canned Get (loopback).")
public final class TransportBench implements Callable<Integer> {

    @Option(names = "--calls", defaultValue = "20000", description = "calls per measured round (default 20000)")
    int calls;

    @Option(names = "--concurrency", defaultValue = "64", description = "concurrent callers (default 64)")
    int concurrency;

    private static final String CS = Namespaces.CIM_PREFIX + "CIM_AssociatedPowerManagementService";
    private static final byte[] RESPONSE = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<a:Envelope xmlns:a=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:b=\"" + Namespaces.WSA
            + "\" xmlns:g=\"" + CS + "\"><a:Header><b:To>" + Namespaces.ANONYMOUS + "</b:To><b:RelatesTo>1</b:RelatesTo>"
            + "<b:Action>" + Namespaces.WXF + "/GetResponse</b:Action><b:MessageID>uuid:00000000-8086-8086-8086-000000000001"
            + "</b:MessageID></a:Header><a:Body><g:CIM_AssociatedPowerManagementService>"
            + "<g:AvailableRequestedPowerStates>2</g:AvailableRequestedPowerStates>"
            + "<g:AvailableRequestedPowerStates>8</g:AvailableRequestedPowerStates><g:PowerState>2</g:PowerState>"
            + "</g:CIM_AssociatedPowerManagementService></a:Body></a:Envelope>").getBytes(StandardCharsets.UTF_8);

    @Override
    public Integer call() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        ExecutorService serverThreads = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(serverThreads);
        server.createContext("/wsman", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().add("Content-Type", "application/soap+xml;charset=UTF-8");
            ex.sendResponseHeaders(200, RESPONSE.length);
            ex.getResponseBody().write(RESPONSE);
            ex.close();
        });
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/wsman");
        try (WsmanClient client = WsmanClient.create()) {
            WsmanSession session = client.session(WsmanEndpoint.builder(url, new Credentials("admin", "pw"))
                    .auth(AuthScheme.BASIC).build());
            Caller ours = () -> {
                if (!session.get(CS, SelectorSet.EMPTY).get("PowerState").orElse("").equals("2")) {
                    throw new IllegalStateException("wrong answer");
                }
            };
            List<Dispatch<SOAPMessage>> dispatches = cxfDispatches(url, concurrency);
            MessageFactory saaj = MessageFactory.newInstance(SOAPConstants.SOAP_1_2_PROTOCOL);
            AtomicInteger next = new AtomicInteger();
            ThreadLocal<Dispatch<SOAPMessage>> mine = ThreadLocal.withInitial(
                    () -> dispatches.get(next.getAndIncrement() % dispatches.size()));
            Caller cxf = () -> {
                SOAPMessage resp = mine.get().invoke(cxfGet(saaj, url));
                if (!resp.getSOAPBody().getTextContent().contains("2")) {
                    throw new IllegalStateException("wrong answer");
                }
            };
            System.out.printf("WS-Man Get on loopback, %d calls, concurrency %d, %d cores%n", calls, concurrency,
                    Runtime.getRuntime().availableProcessors());
            for (int round = 0; round < 2; round++) {
                String tag = round == 0 ? "warm-up" : "measured";
                print(tag, "ours (envelope text + socket pool + StAX)", run(ours));
                print(tag, "CXF Dispatch<SOAPMessage> (SAAJ, SOAP 1.2)", run(cxf));
            }
        } finally {
            server.stop(0);
            serverThreads.shutdownNow();
        }
        return 0;
    }

    private interface Caller {
        void call() throws Exception;
    }

    private record Result(double callsPerSecond, double cpuMicrosPerCall) {
    }

    private Result run(Caller c) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicInteger left = new AtomicInteger(calls);
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        try (ExecutorService vt = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                fs.add(vt.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        c.call();
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e3;
        return new Result(calls / wall, cpu / calls);
    }

    private static void print(String tag, String what, Result r) {
        System.out.printf("  %-8s %-48s %8.0f calls/s  %6.0f µs CPU/call (client + server)%n", tag, what,
                r.callsPerSecond(), r.cpuMicrosPerCall());
    }

    private static List<Dispatch<SOAPMessage>> cxfDispatches(URI url, int n) {
        List<Dispatch<SOAPMessage>> out = new ArrayList<>();
        QName svc = new QName("urn:lightsout:bench", "wsman");
        QName port = new QName("urn:lightsout:bench", "bmc");
        for (int i = 0; i < n; i++) {
            Service service = Service.create(svc);
            service.addPort(port, SOAPBinding.SOAP12HTTP_BINDING, url.toString());
            Dispatch<SOAPMessage> d = service.createDispatch(port, SOAPMessage.class, Service.Mode.MESSAGE);
            d.getRequestContext().put(BindingProvider.USERNAME_PROPERTY, "admin");
            d.getRequestContext().put(BindingProvider.PASSWORD_PROPERTY, "pw");
            out.add(d);
        }
        return out;
    }

    private static SOAPMessage cxfGet(MessageFactory saaj, URI url) throws Exception {
        SOAPMessage m = saaj.createMessage();
        SOAPHeader h = m.getSOAPHeader();
        h.addHeaderElement(new QName(Namespaces.WSA, "To", "wsa")).addTextNode(url.toString());
        h.addHeaderElement(new QName(Namespaces.WSMAN, "ResourceURI", "wsman")).addTextNode(CS);
        SOAPElement replyTo = h.addHeaderElement(new QName(Namespaces.WSA, "ReplyTo", "wsa"));
        replyTo.addChildElement(new QName(Namespaces.WSA, "Address", "wsa")).addTextNode(Namespaces.ANONYMOUS);
        h.addHeaderElement(new QName(Namespaces.WSA, "Action", "wsa")).addTextNode(Namespaces.ACTION_GET);
        h.addHeaderElement(new QName(Namespaces.WSMAN, "MaxEnvelopeSize", "wsman")).addTextNode("512000");
        h.addHeaderElement(new QName(Namespaces.WSA, "MessageID", "wsa")).addTextNode("uuid:" + UUID.randomUUID());
        h.addHeaderElement(new QName(Namespaces.WSMAN, "OperationTimeout", "wsman")).addTextNode("PT60S");
        m.saveChanges();
        return m;
    }
}
