package io.lightsout.appliance.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.appliance.TestAppliance;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The BMC access a call uses is kept briefly, but never outlives a change the registry makes to the node; certificate
 * pins are written many to a commit, each stored before its caller goes on, and never over another pin.
 */
class BmcAccessTest {
    private static TestAppliance appliance;
    private static NodeRegistry nodes;

    @BeforeAll
    static void start() {
        appliance = TestAppliance.started(Clock.systemUTC(), Map.of());
        nodes = appliance.appliance().nodes();
    }

    @AfterAll
    static void stop() {
        appliance.close();
    }

    private static NodeInput idrac(String password) {
        return new NodeInput("access-1", "IDRAC", null, "127.99.1.1", "443", null, null, "root", password,
                null, null, null, null, null, null, null);
    }

    @Test
    void anEditAPinAndADeleteAreSeenByTheNextCall() {
        Node n = nodes.create(idrac("first-secret"), "test", "test");
        BmcAccess first = nodes.bmcAccess(n.id()).orElseThrow();
        assertThat(first.password()).contains("first-secret");
        assertThat(first.toString()).doesNotContain("first-secret");
        assertThat(nodes.bmcAccess(n.id()).orElseThrow()).isSameAs(first); // kept: no query, no decryption

        nodes.update(n.id(), idrac("second-secret"), "test", "test");
        assertThat(nodes.bmcAccess(n.id()).orElseThrow().password()).contains("second-secret");

        BmcAccess beforePin = nodes.bmcAccess(n.id()).orElseThrow();
        assertThat(nodes.pin(n.id(), "ab".repeat(32))).isEqualTo(PinWriter.Outcome.PINNED);
        BmcAccess pinned = nodes.bmcAccess(n.id()).orElseThrow();
        assertThat(pinned.node().certSha256()).isEqualTo("ab".repeat(32));
        assertThat(pinned.password()).isSameAs(beforePin.password()); // pinned in place: not read and decrypted again
        assertThat(nodes.get(n.id()).certSha256()).isEqualTo("ab".repeat(32));

        nodes.retrust(n.id(), "test", "test");
        assertThat(nodes.bmcAccess(n.id()).orElseThrow().node().certSha256()).isNull();

        nodes.delete(n.id(), "test", "test");
        assertThat(nodes.bmcAccess(n.id())).isEmpty();
    }

    @Test
    void aReadThatAChangeOvertakesIsNotKept() {
        Node n = nodes.create(new NodeInput("access-2", "IDRAC", null, "127.99.1.2", "443", null, null, "root", "pw",
                null, null, null, null, null, null, null), "test", "test");
        BmcAccess.Cache cache = new BmcAccess.Cache();
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        // the node is pinned (and the cache told) while the first read is under way
        cache.get(n.id(), id -> {
            reads.incrementAndGet();
            Optional<BmcAccess> read = nodes.find(id).map(x -> new BmcAccess(x, Optional.empty(), Optional.empty()));
            cache.forget(id);
            return read;
        });
        Optional<BmcAccess> next = cache.get(n.id(), id -> {
            reads.incrementAndGet();
            return nodes.find(id).map(x -> new BmcAccess(x, Optional.empty(), Optional.empty()));
        });
        assertThat(reads).hasValue(2);
        assertThat(next).isPresent();
        nodes.delete(n.id(), "test", "test");
    }

    private static Node idracNode(String name, String address) {
        return nodes.create(new NodeInput(name, "IDRAC", null, address, "443", null, null, "root", "pw", null, null,
                null, null, null, null, null), "test", "test");
    }

    private static String sha(int i) {
        return String.format("%064x", i);
    }

    @Test
    void concurrentFirstUsesOfManyNodesAreAllStoredBeforeTheirCallersGoOn() throws Exception {
        List<Node> created = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            created.add(idracNode("pin-many-" + i, "127.98." + (i / 200) + "." + (i % 200 + 1)));
        }
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < created.size(); i++) {
            Node n = created.get(i);
            String sha = sha(1000 + i);
            calls.add(() -> {
                PinWriter.Outcome o = nodes.pin(n.id(), sha);
                // stored before pin returns: a fresh read from the database sees it
                String stored = nodes.find(n.id()).orElseThrow().certSha256();
                return o + " " + sha.equals(stored);
            });
        }
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<String> f : threads.invokeAll(calls)) {
                assertThat(f.get()).isEqualTo("PINNED true");
            }
        }
        created.forEach(n -> nodes.delete(n.id(), "test", "test"));
    }

    @Test
    void aNodePinnedFirstByAnotherCallKeepsThatPin() throws Exception {
        Node n = idracNode("pin-race", "127.98.9.1");
        List<Callable<PinWriter.Outcome>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String sha = sha(i);
            calls.add(() -> nodes.pin(n.id(), sha));
        }
        List<PinWriter.Outcome> outcomes = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<PinWriter.Outcome> f : threads.invokeAll(calls)) {
                outcomes.add(f.get());
            }
        }
        assertThat(outcomes).containsOnlyOnce(PinWriter.Outcome.PINNED)
                .filteredOn(o -> o != PinWriter.Outcome.PINNED).containsOnly(PinWriter.Outcome.PINNED_OTHERWISE);
        String winner = sha(outcomes.indexOf(PinWriter.Outcome.PINNED));
        assertThat(nodes.get(n.id()).certSha256()).isEqualTo(winner);
        assertThat(nodes.bmcAccess(n.id()).orElseThrow().node().certSha256()).isEqualTo(winner);
        // the same certificate again (a second connection of the winner) stands
        assertThat(nodes.pin(n.id(), winner)).isEqualTo(PinWriter.Outcome.PINNED);
        nodes.delete(n.id(), "test", "test");
        assertThat(nodes.pin(n.id(), winner)).isEqualTo(PinWriter.Outcome.NO_NODE);
    }
}
