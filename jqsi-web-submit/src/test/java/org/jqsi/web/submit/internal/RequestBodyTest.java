package org.jqsi.web.submit.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestBodyTest {

    @Test
    void takesJsonInUtf8Only() {
        assertThatCode(() -> RequestBody.checkType("application/json", null)).doesNotThrowAnyException();
        assertThatCode(() -> RequestBody.checkType("Application/JSON; charset=\"UTF-8\"", "identity"))
                .doesNotThrowAnyException();
        for (String refused : new String[] {"text/plain", "application/json; charset=iso-8859-1",
                "application/json; boundary=x", "application/x-www-form-urlencoded", "application/jsonx"}) {
            Refusal refusal = catchThrowableOfType(Refusal.class, () -> RequestBody.checkType(refused, null));
            assertThat(refusal.status()).as(refused).isEqualTo(415);
        }
        assertThat(catchThrowableOfType(Refusal.class, () -> RequestBody.checkType(null, null)).status())
                .isEqualTo(415);
        assertThat(catchThrowableOfType(Refusal.class, () -> RequestBody.checkType("application/json", "gzip"))
                .problems().get(0).code()).isEqualTo("request.encoding");
    }
}
