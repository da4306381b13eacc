package org.jqsi.web.submit.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThat;

import org.jqsi.core.model.Language;
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

    @Test
    void aBodyThatIsNotUtf8IsA400AtTheLineAndColumnOfItsFirstBadByte() {
        // "Débat" saved in Windows-1252, as older Excel and Notepad save, on the body's second line.
        byte[] body = "{\"activity\":\n  {\"title\": {\"fr\": \"Débat\"}}}"
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));

        Refusal refusal = catchThrowableOfType(Refusal.class, () -> RequestBody.utf8(body, body.length));

        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo("json.not-utf8");
            assertThat(problem.path()).isEmpty();
            assertThat(problem.line()).isEqualTo(2);
            assertThat(problem.column()).isEqualTo(22);
            assertThat(problem.message().in(Language.FR)).isEqualTo("le corps de la requête n'est pas en UTF-8 : "
                    + "envoyez-le en UTF-8 (il semble être en Windows-1252, comme l'enregistrent les anciens Excel et "
                    + "le Bloc-notes : ici, l'octet E9 est « é » en Windows-1252)");
            assertThat(problem.message().in(Language.EN)).isEqualTo("the request body is not UTF-8: send it as UTF-8 "
                    + "(it looks like Windows-1252, as older Excel and Notepad save: the byte E9 here is \"é\" in "
                    + "Windows-1252)");
        });
    }
}
