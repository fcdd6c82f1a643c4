package io.lightsout.appliance.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightsout.appliance.credentials.CredentialProfile;
import io.lightsout.appliance.credentials.CredentialProfiles;
import io.lightsout.appliance.error.ApplianceException;
import io.lightsout.appliance.jobs.JobContext;
import io.lightsout.appliance.jobs.JobType;
import io.lightsout.appliance.jobs.TargetResult;
import io.lightsout.wsman.IdentifyResult;
import io.lightsout.wsman.WsmanAuthException;
import io.lightsout.wsman.WsmanClient;
import io.lightsout.wsman.WsmanConnectionException;
import io.lightsout.wsman.WsmanEndpoint;
import io.lightsout.wsman.WsmanException;
import io.lightsout.wsman.WsmanSession;
import io.lightsout.wsman.WsmanTimeoutException;
import io.lightsout.wsman.amt.AmtProfile;
import io.lightsout.wsman.auth.AuthScheme;
import io.lightsout.wsman.auth.Credentials;
import io.lightsout.wsman.idrac.IdracProfile;
import io.lightsout.wsman.profile.PowerState;
import io.lightsout.wsman.tls.TrustPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code discovery} job: one target per IPv4 address of a range. Each address gets a WS-Man Identify (short
 * timeouts, no retries, at most {@link #concurrency()} at a time); an answer names the vendor. With a device
 * credential profile, a BMC whose power state can be read with it is added as a node (through the registry, so
 * the admission decides) with the certificate it presented pinned. No answer is not a failure; a BMC that rejects
 * the profile is.
 */
public final class DiscoveryJob implements JobType {
    public static final String NAME = "discovery";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final NodeRegistry nodes;
    private final CredentialProfiles profiles;
    private final WsmanClient wsman;

    public DiscoveryJob(NodeRegistry nodes, CredentialProfiles profiles, WsmanClient wsman) {
        this.nodes = nodes;
        this.profiles = profiles;
        this.wsman = wsman;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean idempotent() {
        return true; // Identify only reads, and an address already registered is found, not added twice
    }

    @Override
    public int concurrency() {
        return 32;
    }

    @Override
    public TargetResult run(JobContext context, String address) throws Exception {
        JsonNode p = JSON.readTree(context.parameters());
        int port = p.path("port").asInt();
        String scheme = p.path("scheme").asText("https");
        String profileId = p.path("credentialProfile").asText(null);
        boolean amtPort = port == 16992 || port == 16993;
        Credentials creds = new Credentials("", "");
        if (profileId != null) {
            CredentialProfile profile = profiles.get(profileId);
            creds = new Credentials(profile.username(), profiles.password(profileId).map(String::new).orElse(""));
        }
        AtomicReference<String> presented = new AtomicReference<>();
        WsmanEndpoint endpoint = WsmanEndpoint.builder(URI.create(scheme + "://" + address + ":" + port + "/wsman"),
                creds).auth(amtPort ? AuthScheme.DIGEST : AuthScheme.BASIC)
                .trust(new TrustPolicy.PinOnFirstUse(presented::set)).connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(5)).maxRetries(0).build();
        WsmanSession session = wsman.session(endpoint);
        IdentifyResult id;
        try {
            id = session.identify();
        } catch (WsmanConnectionException | WsmanTimeoutException e) {
            return TargetResult.ok("no-answer");
        } catch (WsmanAuthException e) {
            return TargetResult.failed("auth-failed", "a WS-Man endpoint answered but rejected the credentials");
        } catch (WsmanException e) {
            return TargetResult.ok("not-wsman");
        }
        String vendor = id.productVendor() + " " + id.productVersion();
        String type = p.hasNonNull("type") ? p.path("type").asText()
                : id.productVendor().toLowerCase(Locale.ROOT).contains("dell") ? "IDRAC" : amtPort
                || id.productVendor().toLowerCase(Locale.ROOT).contains("intel") ? "AMT" : "DASH";
        if (profileId == null) {
            return TargetResult.ok("found " + type + " (" + vendor.strip() + ")");
        }
        PowerState state = type.equals("IDRAC") ? new IdracProfile(session).powerState().state()
                : new AmtProfile(session).powerState().state();
        if (state == PowerState.AUTH_FAILED) {
            return TargetResult.failed("auth-failed", "found " + type + " (" + vendor.strip()
                    + ") but it rejects the credential profile");
        }
        NodeInput in = new NodeInput(null, type, p.path("site").asText(null), address, String.valueOf(port), scheme,
                profileId, null, null, null, null, null, null, null, "discovered", null);
        try {
            Node node = nodes.create(in, p.path("by").asText("discovery"), p.path("source").asText(null));
            if (presented.get() != null) {
                nodes.pin(node.id(), presented.get());
            }
            return TargetResult.ok("added " + type + " (" + vendor.strip() + ")");
        } catch (ApplianceException.Conflict e) {
            return TargetResult.ok("known " + type);
        }
    }
}
