package io.lightsout.appliance.nodes;

import io.lightsout.appliance.bmc.BmcException;
import io.lightsout.appliance.bmc.BmcTarget;
import io.lightsout.appliance.bmc.ReachabilityProbe;
import io.lightsout.appliance.bmc.wsman.BmcEndpoints;
import io.lightsout.appliance.power.wol.MacAddress;
import io.lightsout.appliance.power.wol.SecureOnPassword;
import io.lightsout.appliance.power.wol.WolDestination;
import io.lightsout.wsman.WsmanEndpoint;
import io.lightsout.wsman.auth.AuthScheme;
import io.lightsout.wsman.auth.Credentials;
import io.lightsout.wsman.tls.TrustPolicy;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns stored nodes into what drivers need: {@link BmcTarget}s, and WS-Man endpoints with the node's account and
 * its pinned certificate (pinned on first use, stored on the node).
 */
public final class NodeTargets implements BmcEndpoints {
    private final NodeRegistry registry;
    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final Duration probeTimeout;

    public NodeTargets(NodeRegistry registry, Duration connectTimeout, Duration responseTimeout,
                       Duration probeTimeout) {
        this.registry = registry;
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
        this.probeTimeout = probeTimeout;
    }

    /** The driver's view of a node. */
    public BmcTarget target(Node n) {
        return target(n, null);
    }

    /** The driver's view of a node, checking the OS on {@code verifyPort} instead of the node's own, when given. */
    public BmcTarget target(Node n, Integer verifyPort) {
        return new BmcTarget(n.id(), n.type(), n.site(), Optional.ofNullable(n.bmcEndpoint()), wol(n, verifyPort));
    }

    private Optional<BmcTarget.WolEndpoint> wol(Node n, Integer verifyPortOverride) {
        if (n.mac() == null || n.ip() == null) {
            return Optional.empty();
        }
        Inet4Address ip = ipv4(n.ip());
        Optional<SecureOnPassword> secureOn = registry.secureOn(n).map(SecureOnPassword::parse);
        int verifyPort = verifyPortOverride != null ? verifyPortOverride
                : n.verifyPort() == null ? NodeValidator.DEFAULT_VERIFY_PORT : n.verifyPort();
        return Optional.of(new BmcTarget.WolEndpoint(MacAddress.parse(n.mac()), secureOn,
                new WolDestination.Unicast(ip, n.prefixLength() == null ? 24 : n.prefixLength()),
                new ReachabilityProbe.TcpConnect(ip, verifyPort, probeTimeout)));
    }

    @Override
    public WsmanEndpoint endpoint(BmcTarget target) throws BmcException {
        BmcAccess access = registry.bmcAccess(target.nodeId()).orElseThrow(() -> new BmcException(
                BmcException.Reason.UNSUPPORTED, "node " + target.nodeId() + " is not in the registry"));
        Node n = access.node();
        if (!n.type().hasBmc()) {
            throw new BmcException(BmcException.Reason.UNSUPPORTED, "node " + n.name() + " has no BMC");
        }
        String user = access.username().orElse(null);
        String password = access.password().orElse(null);
        if (user == null || password == null) {
            throw new BmcException(BmcException.Reason.AUTH_FAILED, "node " + n.name()
                    + " has no usable credentials (credential profile without a password?)");
        }
        URI url = URI.create(n.bmcScheme() + "://" + n.bmcAddress() + ":" + n.bmcPort() + "/wsman");
        TrustPolicy trust = n.certSha256() != null ? new TrustPolicy.Pinned(n.certSha256())
                : new TrustPolicy.PinOnFirstUse(sha -> pin(n, sha));
        // iDRAC takes Basic over TLS; AMT and DASH take Digest on both ports (AMT SDK, DSP0226 annex)
        AuthScheme auth = n.type() == io.lightsout.appliance.bmc.NodeType.IDRAC ? AuthScheme.BASIC : AuthScheme.DIGEST;
        return WsmanEndpoint.builder(url, new Credentials(user, password)).auth(auth).trust(trust)
                .connectTimeout(connectTimeout).responseTimeout(responseTimeout).build();
    }

    /** Stores a pin on first use; refuses the certificate when the node holds another pin by now, or is gone. */
    private void pin(Node n, String sha256) throws CertificateException {
        PinWriter.Outcome outcome;
        try {
            outcome = registry.pin(n.id(), sha256);
        } catch (RuntimeException e) {
            throw new CertificateException("cannot store the certificate pin of node " + n.name(), e);
        }
        switch (outcome) {
            case PINNED -> { }
            case PINNED_OTHERWISE -> throw new CertificateException("node " + n.name() + " was pinned to another"
                    + " certificate by a concurrent first call; this one (SHA-256 " + sha256 + ") is refused");
            case NO_NODE -> throw new CertificateException("node " + n.name() + " is no longer in the registry");
        }
    }

    private static Inet4Address ipv4(String dotted) {
        try {
            return (Inet4Address) InetAddress.getByName(dotted); // a dotted literal: no DNS lookup
        } catch (UnknownHostException e) {
            throw new IllegalStateException("stored IPv4 " + dotted + " does not parse", e);
        }
    }
}
