package io.lightsout.appliance.api;

import io.lightsout.appliance.security.AccountService;
import io.lightsout.appliance.security.Allow;
import io.lightsout.appliance.security.Role;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;

/** Facts about the appliance shown in the portal's header and about page. */
@Path("api/v1/system")
@Produces(MediaType.APPLICATION_JSON)
public final class SystemResource {
    private final AccountService accounts;
    private final Clock clock;
    private final String version;
    private final String hostname;
    private final Instant startedAt;

    public SystemResource(AccountService accounts, Clock clock, String version, String hostname, Instant startedAt) {
        this.accounts = accounts;
        this.clock = clock;
        this.version = version;
        this.hostname = hostname;
        this.startedAt = startedAt;
    }

    public record SystemInfo(String version, String hostname, Instant startedAt, Instant time, String timeZone,
                             boolean setupRequired) {
    }

    @GET
    @Allow({Role.ADMIN, Role.OPERATOR, Role.READONLY})
    public SystemInfo info() {
        return new SystemInfo(version, hostname, startedAt, clock.instant(), clock.getZone().getId(),
                accounts.setupRequired());
    }
}
