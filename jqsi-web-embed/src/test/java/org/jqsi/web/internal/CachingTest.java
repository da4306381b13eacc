package org.jqsi.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.eclipse.jetty.http.DateGenerator;
import org.junit.jupiter.api.Test;

/**
 * A cache hit writes {@code Last-Modified} from the text {@link Caching} keeps, where it used to hand the container
 * the instant ({@code setDateHeader}): the text must be what the container wrote, to the character.
 */
class CachingTest {

    @Test
    void lastModifiedIsWrittenAsTheContainerWroteIt() {
        assertThat(Caching.publicFor(Duration.ofMinutes(5), "\"t\"", Instant.parse("2021-11-10T15:00:00Z"))
                .lastModifiedText()).isEqualTo("Wed, 10 Nov 2021 15:00:00 GMT");
        // Days and hours below 10 keep two digits (RFC 9110's IMF-fixdate), which RFC_1123_DATE_TIME does not.
        assertThat(Caching.publicFor(Duration.ofMinutes(5), "\"t\"", Instant.parse("2020-03-01T05:04:03Z"))
                .lastModifiedText()).isEqualTo("Sun, 01 Mar 2020 05:04:03 GMT");
        // Every day from 1970 to 2100 at a random second of it, as Jetty's own formatter writes it.
        Random random = new Random(23);
        for (Instant day = Instant.EPOCH; day.isBefore(Instant.parse("2100-01-01T00:00:00Z"));
                day = day.plus(Duration.ofDays(1))) {
            Instant at = day.plusSeconds(random.nextInt(86_400));
            assertThat(Caching.publicFor(Duration.ofMinutes(5), "\"t\"", at).lastModifiedText())
                    .as("%s", at).isEqualTo(DateGenerator.formatDate(at.toEpochMilli()));
        }
    }

    @Test
    void theLastDateWrittenIsReusedOnlyForTheSameInstant() {
        Instant a = Instant.parse("2021-11-10T15:00:00Z");
        Instant b = Instant.parse("2021-11-10T15:00:01Z");
        for (Instant at : List.of(a, a, b, a, b, b, a)) {
            assertThat(Caching.httpDate(at)).as("%s", at).isEqualTo(DateGenerator.formatDate(at.toEpochMilli()));
        }
        assertThat(Caching.httpDate(a)).isSameAs(Caching.httpDate(a));
    }

    @Test
    void noDateNoText() {
        assertThat(Caching.immutable("\"t\"").lastModifiedText()).isNull();
    }
}
