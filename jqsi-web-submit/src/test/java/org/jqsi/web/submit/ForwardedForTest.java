package org.jqsi.web.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jqsi.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whose address the rate limit counts: the connection's, or a trusted proxy's word for it. */
class ForwardedForTest {

    /** Refused for a missing submitter: it counts against the rate, and keeps nothing. */
    private static final String INCOMPLETE = "{\"cancels\": \"x\"}";

    @Test
    void aClientCannotEscapeTheLimitByWritingXForwardedFor(@TempDir Path directory) throws Exception {
        try (ApiOnDatabase api = ApiOnDatabase.start(TestDatabases.Kind.EMBEDDED, directory,
                SubmitSettings.builder().rateLimit(1, 1, Duration.ofHours(1)).build())) {
            assertThat(api.server.post(INCOMPLETE, "X-Forwarded-For", "203.0.113.1").statusCode()).isEqualTo(422);
            assertThat(api.server.post(INCOMPLETE, "X-Forwarded-For", "203.0.113.2").statusCode()).isEqualTo(429);
        }
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnLimit(@TempDir Path directory) throws Exception {
        SubmitSettings settings = SubmitSettings.builder().rateLimit(1, 1, Duration.ofHours(1))
                .trustedProxies(List.of(InetAddress.getByName("127.0.0.1"))).build();
        try (ApiOnDatabase api = ApiOnDatabase.start(TestDatabases.Kind.EMBEDDED, directory, settings)) {
            assertThat(api.server.post(INCOMPLETE, "X-Forwarded-For", "203.0.113.1").statusCode()).isEqualTo(422);
            assertThat(api.server.post(INCOMPLETE, "X-Forwarded-For", "203.0.113.2").statusCode()).isEqualTo(422);
            // What the client wrote to the left of what the proxy appended is not believed.
            assertThat(api.server.post(INCOMPLETE, "X-Forwarded-For", "198.51.100.9, 203.0.113.1").statusCode())
                    .isEqualTo(429);
            assertThat(api.server.post(INCOMPLETE, "X-Forwarded-For", "203.0.113.2").statusCode()).isEqualTo(429);
        }
    }
}
