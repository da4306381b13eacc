package org.jqsi.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonLdTest {

    @Test
    void nothingInItCanEndTheScriptElement() {
        JsonLd jsonLd = JsonLd.of("{\"name\":\"</script><script>alert(1)</script> & more\"}");
        assertThat(jsonLd.text()).doesNotContain("<").doesNotContain(">").doesNotContain("&")
                .isEqualTo("{\"name\":\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"
                        + " \\u0026 more\"}");
    }

    @Test
    void jsonErrorsAreEscapedToo() {
        String json = JsonError.of(400, "Bad \"request\"", java.util.List.of(
                new ErrorView.Problem("q", "<b>\n"), new ErrorView.Problem(null, "x")));
        assertThat(json).isEqualTo("{\"status\":400,\"error\":\"Bad \\\"request\\\"\",\"problems\":["
                + "{\"parameter\":\"q\",\"message\":\"\\u003cb\\u003e\\n\"},{\"parameter\":null,\"message\":\"x\"}]}");
    }
}
