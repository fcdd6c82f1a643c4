package io.lightsout.appliance.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lightsout.appliance.security.Allow;
import io.lightsout.appliance.security.Public;
import io.lightsout.appliance.security.Role;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Access is declared per method or class; a resource method that declares nothing stops start-up. */
class AuthorizationFeatureTest {

    @Path("x")
    @Allow(Role.ADMIN)
    public static final class Declared {
        @GET
        public String inherited() {
            return "";
        }

        @GET
        @Path("open")
        @Public
        public String open() {
            return "";
        }

        @GET
        @Path("ops")
        @Allow({Role.ADMIN, Role.OPERATOR})
        public String ops() {
            return "";
        }
    }

    @Path("y")
    public static final class Undeclared {
        @GET
        public String forgotten() {
            return "";
        }
    }

    @Test
    void methodDeclarationsWinOverTheClassOne() throws Exception {
        assertThat(AuthorizationFeature.rolesOf(Declared.class, Declared.class.getMethod("inherited")))
                .containsExactly(Role.ADMIN);
        assertThat(AuthorizationFeature.rolesOf(Declared.class, Declared.class.getMethod("open"))).isNull();
        assertThat(AuthorizationFeature.rolesOf(Declared.class, Declared.class.getMethod("ops")))
                .containsExactlyInAnyOrder(Role.ADMIN, Role.OPERATOR);
    }

    @Test
    void anUndeclaredMethodFailsClosed() throws Exception {
        assertThatThrownBy(() -> AuthorizationFeature.rolesOf(Undeclared.class,
                Undeclared.class.getMethod("forgotten"))).hasMessageContaining("neither @Allow nor @Public");
        assertThatThrownBy(() -> OpenApiDocument.build(List.of(Undeclared.class), "t"))
                .hasMessageContaining("Undeclared.forgotten");
    }
}
