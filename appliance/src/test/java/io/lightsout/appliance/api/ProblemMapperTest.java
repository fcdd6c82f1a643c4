package io.lightsout.appliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** An unexpected error reaches the client as a reference to the log line that holds its details. */
class ProblemMapperTest {

    @Test
    void anUnexpectedErrorIsA500WithALogReferenceAndNoneOfItsText() {
        Logger log = (Logger) LoggerFactory.getLogger(ProblemMapper.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        log.addAppender(logged);
        try {
            Response r = new ProblemMapper().toResponse(new IllegalStateException(
                    "SELECT secret FROM credential_profiles WHERE id = 'x' at /var/lib/lightsout/db"));
            Problem p = (Problem) r.getEntity();
            assertThat(r.getStatus()).isEqualTo(500);
            assertThat(p.detail()).matches("The appliance could not complete the request: internal error, see the "
                    + "appliance log for reference E-[0-9a-f]{8}").doesNotContain("SELECT", "/var/lib");
            String ref = p.detail().substring(p.detail().lastIndexOf(' ') + 1);
            assertThat(logged.list).singleElement().satisfies(ev -> {
                assertThat(ev.getFormattedMessage()).contains(ref);
                assertThat(ev.getThrowableProxy().getMessage()).contains("SELECT secret");
            });
        } finally {
            log.detachAppender(logged);
        }
    }
}
