package io.lightsout.appliance.api;

import io.lightsout.appliance.audit.AuditLog;
import io.lightsout.appliance.error.ApplianceException;
import io.lightsout.appliance.security.Allow;
import io.lightsout.appliance.security.Role;
import io.lightsout.appliance.tls.CertificateInfo;
import io.lightsout.appliance.tls.CsrRequest;
import io.lightsout.appliance.tls.TlsManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;

/** The HTTPS certificate: view, CSR, upload of the signed certificate (swapped in without a restart). */
@Path("api/v1/tls")
@Produces(MediaType.APPLICATION_JSON)
@Allow(Role.ADMIN)
public final class TlsResource {
    private final TlsManager tls;
    private final AuditLog audit;

    public TlsResource(TlsManager tls, AuditLog audit) {
        this.tls = tls;
        this.audit = audit;
    }

    public record Csr(String pem) {
    }

    public record PendingCsrView(String pem, Instant createdAt) {
    }

    @GET
    @Path("certificate")
    public CertificateInfo certificate() {
        return tls.info();
    }

    @POST
    @Path("csr")
    @Consumes(MediaType.APPLICATION_JSON)
    @Returns(status = 201, value = Csr.class)
    public Response createCsr(CsrRequest body, @Context ContainerRequestContext rc) {
        String pem = tls.createCsr(body);
        audit.success(RequestContext.caller(rc).username(), "tls.csr", body.commonName(), null,
                RequestContext.source(rc));
        return Response.status(201).entity(new Csr(pem)).build();
    }

    @GET
    @Path("csr")
    public PendingCsrView pendingCsr() {
        return tls.pendingCsr().map(p -> new PendingCsrView(p.pem(), p.createdAt()))
                .orElseThrow(() -> new ApplianceException.NotFound("No CSR is pending"));
    }

    @PUT
    @Path("certificate")
    @Consumes({"application/x-pem-file", MediaType.TEXT_PLAIN})
    public CertificateInfo install(String pem, @Context ContainerRequestContext rc) {
        String user = RequestContext.caller(rc).username();
        try {
            CertificateInfo info = tls.install(pem);
            audit.success(user, "tls.certificate", info.subject(), "SHA-256 " + info.sha256(),
                    RequestContext.source(rc));
            return info;
        } catch (ApplianceException e) {
            audit.failure(user, "tls.certificate", null, e.getMessage(), RequestContext.source(rc));
            throw e;
        }
    }
}
