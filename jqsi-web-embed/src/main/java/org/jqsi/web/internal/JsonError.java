package org.jqsi.web.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.jqsi.json.internal.ScriptSafeEscapes;

/**
 * The body of a feed's error response: {@code {"status":400,"error":"...","problems":[{"parameter":"region",
 * "message":"..."}]}}, written by Jackson with the escapes of the JSON-LD ({@link ScriptSafeEscapes}), so that it is
 * inert if a browser sniffs it as HTML.
 */
final class JsonError {

    // Lower-case hex digits in escapes (\u003c), as the widget's error bodies have always had them.
    private static final JsonFactory JSON = new JsonFactoryBuilder()
            .characterEscapes(new ScriptSafeEscapes())
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .build();

    private JsonError() {
    }

    static String of(int status, String error, List<ErrorView.Explanation> problems) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("status", status);
            g.writeStringField("error", error);
            g.writeArrayFieldStart("problems");
            for (ErrorView.Explanation problem : problems) {
                g.writeStartObject();
                if (problem.parameter() == null) {
                    g.writeNullField("parameter");
                } else {
                    g.writeStringField("parameter", problem.parameter());
                }
                g.writeStringField("message", problem.message());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toString();
    }
}
