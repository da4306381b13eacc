package org.jqsi.web.submit.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.jqsi.core.model.Language;
import org.jqsi.core.submission.Submission;
import org.jqsi.core.submission.SubmissionEvent;
import org.jqsi.json.internal.ScriptSafeEscapes;

/**
 * The API's JSON bodies, written by Jackson with the escapes of the widget's JSON-LD ({@link ScriptSafeEscapes}), so
 * that none is active if a browser takes it for HTML.
 *
 * <ul>
 *   <li>a refusal: {@code {"status": 422, "error": "…", "problems": [{"path": "activity.title.fr",
 *       "code": "NotBlank", "message": "…", "line": 4, "column": 15}]}} ({@code line} and {@code column} only when
 *       known, in the request's body);
 *   <li>a submission made: {@code {"id": "s-…", "state": "pending", "status": "https://…/submit/status/…"}};
 *   <li>a status page: the submission's id, kind, state, activity, the reviewer's note and its history.
 * </ul>
 */
final class JsonAnswers {

    static final String TYPE = "application/json;charset=UTF-8";

    private static final JsonFactory JSON = new JsonFactoryBuilder().characterEscapes(new ScriptSafeEscapes()).build();

    private JsonAnswers() {
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    /** A refusal, its texts in a language. */
    static String refusal(int status, List<ApiProblem> problems, Language language) {
        return write(g -> {
            g.writeStartObject();
            g.writeNumberField("status", status);
            g.writeStringField("error", SubmitMessages.message(language, "error." + status));
            g.writeArrayFieldStart("problems");
            for (ApiProblem problem : problems) {
                g.writeStartObject();
                g.writeStringField("path", problem.path());
                g.writeStringField("code", problem.code());
                g.writeStringField("message", problem.message().in(language));
                if (problem.line() > 0) {
                    g.writeNumberField("line", problem.line());
                    g.writeNumberField("column", problem.column());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** A submission just made, and the address of its status page. */
    static String created(Submission submission, String statusUrl) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("id", submission.id());
            g.writeStringField("kind", submission.kind().code());
            g.writeStringField("activityId", submission.activity().id());
            g.writeStringField("state", submission.state().code());
            g.writeStringField("status", statusUrl);
            g.writeEndObject();
        });
    }

    /** What a status page shows, for programs; texts in a language. */
    static String status(Submission submission, Language language) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("id", submission.id());
            g.writeStringField("kind", submission.kind().code());
            if (submission.targetId() != null) {
                g.writeStringField("targetId", submission.targetId());
            }
            g.writeStringField("state", submission.state().code());
            g.writeStringField("stateText", submission.state().displayName().in(language));
            String note = submission.reviewerNote().orElse(null);
            if (note != null) {
                g.writeStringField("note", note);
            }
            g.writeObjectFieldStart("activity");
            g.writeStringField("id", submission.activity().id());
            g.writeStringField("title", submission.activity().title().in(language));
            g.writeEndObject();
            g.writeObjectFieldStart("submitter");
            g.writeStringField("organisation", submission.submitter().organisation());
            g.writeStringField("email", submission.submitter().email());
            g.writeEndObject();
            instant(g, "submittedAt", submission.submittedAt());
            instant(g, "updatedAt", submission.updatedAt());
            g.writeArrayFieldStart("history");
            for (SubmissionEvent event : submission.history()) {
                g.writeStartObject();
                instant(g, "at", event.at());
                g.writeStringField("action", event.action().code());
                g.writeStringField("by", event.actor().equals(SubmissionEvent.SUBMITTER) ? "submitter" : "reviewer");
                g.writeStringField("state", event.state().code());
                if (event.note() != null) {
                    g.writeStringField("note", event.note());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static void instant(JsonGenerator g, String name, Instant at) throws IOException {
        g.writeStringField(name, at.toString());
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toString();
    }
}
