package io.lightsout.appliance.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lightsout.appliance.credentials.CredentialProfile;
import io.lightsout.appliance.credentials.CredentialProfiles;
import io.lightsout.appliance.error.ApplianceException;
import io.lightsout.appliance.error.ApplianceException.FieldError;
import io.lightsout.appliance.jobs.JobEngine;
import io.lightsout.appliance.nodes.Cidr;
import io.lightsout.appliance.nodes.DiscoveryJob;
import io.lightsout.appliance.security.Allow;
import io.lightsout.appliance.security.Role;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Discovery by address range: a {@code discovery} job with one target per address (admins only). */
@Path("api/v1/discoveries")
@Produces(MediaType.APPLICATION_JSON)
public final class DiscoveryResource {
    private static final int MAX_ADDRESSES = 4096;
    private final JobEngine jobs;
    private final CredentialProfiles profiles;

    public DiscoveryResource(JobEngine jobs, CredentialProfiles profiles) {
        this.jobs = jobs;
        this.profiles = profiles;
    }

    /**
     * @param cidr              IPv4 range, at most 4,096 addresses (/20)
     * @param port              WS-Man port (443 iDRAC, 16993 AMT TLS, 16992 AMT plain)
     * @param scheme            https (default) or http
     * @param type              IDRAC, AMT or DASH; default from the answer's vendor
     * @param credentialProfile a device credential profile (name or id): BMCs it can read are added as nodes
     * @param site              the site of added nodes
     */
    public record DiscoveryRequest(String cidr, Integer port, String scheme, String type, String credentialProfile,
                                   String site) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Role.ADMIN)
    @Returns(status = 202, value = PowerActionResource.Submitted.class)
    public Response discover(DiscoveryRequest body, @Context ContainerRequestContext rc) throws JsonProcessingException {
        DiscoveryRequest b = body == null ? new DiscoveryRequest(null, null, null, null, null, null) : body;
        List<FieldError> errors = new ArrayList<>();
        Cidr cidr = null;
        try {
            cidr = Cidr.parse(b.cidr() == null ? "" : b.cidr());
            if (cidr.last() - cidr.first() + 1 > MAX_ADDRESSES) {
                errors.add(new FieldError("cidr", "At most " + MAX_ADDRESSES + " addresses (/20) per discovery."));
            }
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("cidr", e.getMessage()));
        }
        int port = b.port() == null ? 443 : b.port();
        if (port < 1 || port > 65535) {
            errors.add(new FieldError("port", "1 to 65535."));
        }
        String scheme = b.scheme() == null ? (port == 16992 ? "http" : "https") : b.scheme();
        if (!scheme.equals("https") && !scheme.equals("http")) {
            errors.add(new FieldError("scheme", "https or http."));
        }
        if (b.type() != null && !List.of("IDRAC", "AMT", "DASH").contains(b.type())) {
            errors.add(new FieldError("type", "IDRAC, AMT or DASH."));
        }
        String profileId = null;
        if (b.credentialProfile() != null) {
            profileId = profiles.list().stream().filter(p -> "device".equals(p.type())
                    && (p.id().equals(b.credentialProfile()) || p.name().equals(b.credentialProfile())))
                    .map(CredentialProfile::id).findFirst().orElse(null);
            if (profileId == null) {
                errors.add(new FieldError("credentialProfile", "No device credential profile '"
                        + b.credentialProfile() + "'."));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApplianceException.BadRequest("The discovery is not valid", errors);
        }
        List<String> addresses = new ArrayList<>();
        boolean hostsOnly = cidr.prefixLength() <= 30;
        for (long a = cidr.first() + (hostsOnly ? 1 : 0); a <= cidr.last() - (hostsOnly ? 1 : 0); a++) {
            addresses.add((a >> 24 & 255) + "." + (a >> 16 & 255) + "." + (a >> 8 & 255) + "." + (a & 255));
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("port", port);
        params.put("scheme", scheme);
        params.put("type", b.type());
        params.put("credentialProfile", profileId);
        params.put("site", b.site());
        params.put("by", RequestContext.caller(rc).username());
        params.put("source", RequestContext.source(rc));
        long job = jobs.submit(DiscoveryJob.NAME, new ObjectMapper().writeValueAsString(params), addresses,
                RequestContext.caller(rc).username(), RequestContext.source(rc));
        return Response.accepted(new PowerActionResource.Submitted(job, addresses.size(), "discovery of " + cidr))
                .header("Location", "/api/v1/jobs/" + job).build();
    }
}
