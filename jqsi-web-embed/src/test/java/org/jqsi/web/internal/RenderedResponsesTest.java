package org.jqsi.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RenderedResponsesTest {

    private static RenderedResponses.Rendered page(String text) {
        return new RenderedResponses.Rendered(text.getBytes(StandardCharsets.UTF_8), null);
    }

    @Test
    void findsWhatWasKeptUnderTheSameEtagOnly() {
        RenderedResponses responses = new RenderedResponses(1 << 20);
        RenderedResponses.Rendered page = page("<p>Ciné-débat</p>");
        responses.keep("v1", "\"a\"", page);

        assertThat(responses.find("v1", "\"a\"")).containsSame(page);
        assertThat(responses.find("v1", "\"b\"")).isEmpty();
    }

    @Test
    void aNewProgramVersionDropsEverythingRenderedFromTheOldOne() {
        RenderedResponses responses = new RenderedResponses(1 << 20);
        responses.keep("v1", "\"a\"", page("a"));
        responses.keep("v1", "\"b\"", page("b"));

        assertThat(responses.find("v2", "\"a\"")).isEmpty();
        assertThat(responses.size()).isZero();
        // Going back to v1 (a file restored) starts from nothing too, and fills again.
        responses.keep("v1", "\"a\"", page("a"));
        assertThat(responses.find("v1", "\"a\"")).isPresent();
    }

    @Test
    void staysWithinItsBytes() {
        RenderedResponses responses = new RenderedResponses(100_000);
        for (int i = 0; i < 1_000; i++) {
            responses.keep("v1", "\"" + i + "\"", page("x".repeat(1_000)));
        }
        // The evictions run in the background: counted before they ran, the count would say how busy the machine is.
        responses.evictNow();
        long kept = 0;
        for (int i = 0; i < 1_000; i++) {
            kept += responses.find("v1", "\"" + i + "\"").isPresent() ? 1 : 0;
        }
        // 1,200 bytes an entry counted (body and overhead): at most 83 fit.
        assertThat(kept).isBetween(1L, 83L);
    }

    @Test
    void noBytesMeansNothingKept() {
        RenderedResponses responses = new RenderedResponses(0);
        responses.keep("v1", "\"a\"", page("a"));
        assertThat(responses.find("v1", "\"a\"")).isEmpty();
    }
}
