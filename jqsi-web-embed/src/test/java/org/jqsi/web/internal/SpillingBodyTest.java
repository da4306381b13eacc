package org.jqsi.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SpillingBodyTest {

    @Test
    void aBodyWithinTheBoundIsKeptWholeAndTheSinkNeverOpened() throws Exception {
        SpillingBody body = new SpillingBody(10, () -> {
            throw new AssertionError("opened");
        });
        body.write("0123456789".getBytes(StandardCharsets.US_ASCII));
        body.flush();
        assertThat(body.spilled()).isFalse();
        assertThat(new String(body.bytes(), StandardCharsets.US_ASCII)).isEqualTo("0123456789");
    }

    @Test
    void aBodyPastTheBoundGoesToTheSinkInOrderWithNothingLost() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        int[] opened = {0};
        SpillingBody body = new SpillingBody(10, () -> {
            opened[0]++;
            return sink;
        });
        body.write("01234".getBytes(StandardCharsets.US_ASCII));
        body.write('5');
        body.write("6789A".getBytes(StandardCharsets.US_ASCII), 0, 5);
        body.write("BCDEF".getBytes(StandardCharsets.US_ASCII), 1, 3);
        assertThat(body.spilled()).isTrue();
        assertThat(opened[0]).isEqualTo(1);
        assertThat(sink.toString(StandardCharsets.US_ASCII)).isEqualTo("0123456789ACDE");
        assertThatThrownBy(body::bytes).isInstanceOf(IllegalStateException.class);
    }
}
