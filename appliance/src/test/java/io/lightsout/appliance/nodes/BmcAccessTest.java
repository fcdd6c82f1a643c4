package io.lightsout.appliance.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import io.lightsout.appliance.TestAppliance;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The BMC access a call uses is kept briefly, but never outlives a change the registry makes to the node. */
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
}
