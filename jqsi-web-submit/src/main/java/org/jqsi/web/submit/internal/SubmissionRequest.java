package org.jqsi.web.submit.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.submission.Submission;
import org.jqsi.core.validation.Location;
import org.jqsi.core.validation.Problem;
import org.jqsi.json.internal.JsonProblems;
import org.jqsi.json.internal.TextSource;

/**
 * The body of a submission, its envelope read: who submits, what kind of submission it is, and the activity's JSON
 * text as it was sent, with where it starts in the body, for {@link ActivityReading} to read strictly.
 *
 * <pre>{@code
 * {"submitter": {"organisation": "…", "email": "…"},
 *  "activity": {…},                     // the program file's format; "id" optional
 *  "changes": "published-activity-id"}  // or "cancels": "…" (then no "activity"); neither for a new activity
 * }</pre>
 *
 * @param organisation the submitter's organisation as sent, or {@code null}
 * @param email the submitter's address as sent, or {@code null}
 * @param kind new, change or cancellation
 * @param targetId the published activity changed or cancelled, or {@code null} for a new one
 * @param activity the activity's text, or {@code null} (a cancellation has none)
 */
record SubmissionRequest(String organisation, String email, Submission.Kind kind, String targetId,
        ActivityText activity) {

    /** What the API calls the body in problems. */
    static final String ORIGIN = "body";

    /** The top-level properties of a submission. */
    static final List<String> PROPERTIES = List.of("submitter", "activity", "changes", "cancels");

    /** The properties of {@code submitter}. */
    static final List<String> SUBMITTER_PROPERTIES = List.of("organisation", "email");

    /** Properties of the program file's activities that only jqsi sets: who owns it, and its history. */
    static final List<String> NOT_SUBMITTED = List.of("origin", "revision", "lastModified");

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * An activity's JSON text, as sent.
     *
     * @param json the object, from its {@code {} to its {@code }}
     * @param line the line of the body where it starts, from 1
     * @param column the column there, from 1
     * @param hasId whether it gives its {@code id} (not {@code null})
     * @param empty whether it has no property at all
     * @param nullId where in {@code json} an {@code "id": null} has its {@code null}, or -1: a {@code null} is the
     *     same as leaving the id out
     */
    record ActivityText(String json, int line, int column, boolean hasId, boolean empty, int nullId) {
    }

    /**
     * Reads the envelope of a body.
     *
     * @throws Refusal {@code 400} when the body is not well-formed JSON (with its line and column), {@code 422} when
     *     the envelope is not a submission's
     */
    static SubmissionRequest read(String body) throws Refusal {
        JsonProblems problems = new JsonProblems(ORIGIN, TextSource.REQUEST_BODY);
        try (JsonParser p = JSON.createParser(body)) {
            try {
                return new Reading(p, body, problems).read();
            } catch (JsonProcessingException e) {
                throw new Refusal(400, ApiProblem.of(problems.syntax(e, p), ""));
            }
        } catch (IOException e) {
            // Reading a string fails only as a JsonProcessingException, answered above.
            throw new IllegalStateException("reading a string", e);
        }
    }

    /** One reading of a body: the problems found are all reported at once. */
    private static final class Reading {
        private final JsonParser p;
        private final String body;
        private final JsonProblems json;
        private final List<ApiProblem> problems = new ArrayList<>();

        Reading(JsonParser p, String body, JsonProblems json) {
            this.p = p;
            this.body = body;
            this.json = json;
        }

        SubmissionRequest read() throws IOException, Refusal {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                JsonLocation at = p.currentTokenLocation();
                JsonToken found = p.currentToken();
                if (found == null) {
                    throw new Refusal(400, ApiProblem.at("", JsonProblems.SYNTAX,
                            SubmitMessages.text("request.empty")));
                }
                // Read it through first: a body that is not even JSON is a 400, whatever it starts with.
                p.skipChildren();
                while (p.nextToken() != null) {
                    p.skipChildren();
                }
                wrongType(at, "", found);
                throw new Refusal(422, problems);
            }
            String organisation = null;
            String email = null;
            boolean submitterGiven = false;
            ActivityText activity = null;
            String changes = null;
            String cancels = null;
            Set<String> seen = new HashSet<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonLocation at = p.currentTokenLocation();
                JsonToken value = p.nextToken();
                if (!seen.add(name)) {
                    duplicate(at, name, name);
                    p.skipChildren();
                    continue;
                }
                switch (name) {
                    case "submitter" -> {
                        if (value == JsonToken.START_OBJECT) {
                            submitterGiven = true;
                            String[] fields = submitter();
                            organisation = fields[0];
                            email = fields[1];
                        } else if (value != JsonToken.VALUE_NULL) {
                            wrongType(at, name, value);
                            p.skipChildren();
                        }
                    }
                    case "activity" -> {
                        if (value == JsonToken.START_OBJECT) {
                            activity = activity();
                        } else if (value != JsonToken.VALUE_NULL) {
                            wrongType(at, name, value);
                            p.skipChildren();
                        }
                    }
                    case "changes" -> changes = string(at, name, value);
                    case "cancels" -> cancels = string(at, name, value);
                    default -> {
                        problems.add(ApiProblem.of(json.unknownProperty(at, name, PROPERTIES), name));
                        p.skipChildren();
                    }
                }
            }
            if (p.nextToken() != null) {
                throw new Refusal(400, ApiProblem.of(placed(p.currentTokenLocation(),
                        JsonProblems.SYNTAX, SubmitMessages.text("request.trailing")), ""));
            }
            if (!submitterGiven && problems.stream().noneMatch(pr -> pr.path().equals("submitter"))) {
                problems.add(ApiProblem.of(json.missing(null, "", "submitter"), "submitter"));
            }
            Submission.Kind kind = Submission.Kind.NEW;
            String target = null;
            if (changes != null && cancels != null) {
                problems.add(ApiProblem.at("cancels", "submission.change-and-cancel",
                        SubmitMessages.text("submission.change-and-cancel")));
            } else if (changes != null) {
                kind = Submission.Kind.CHANGE;
                target = changes;
            } else if (cancels != null) {
                kind = Submission.Kind.CANCEL;
                target = cancels;
            }
            if (kind == Submission.Kind.CANCEL && activity != null) {
                problems.add(new ApiProblem("activity", "submission.cancel-has-activity",
                        SubmitMessages.text("submission.cancel-has-activity"), activity.line(), activity.column()));
            } else if (kind != Submission.Kind.CANCEL && activity == null
                    && problems.stream().noneMatch(pr -> pr.path().equals("activity"))) {
                problems.add(ApiProblem.of(json.missing(null, "", "activity"), "activity"));
            }
            if (!problems.isEmpty()) {
                throw new Refusal(422, problems);
            }
            return new SubmissionRequest(organisation, email, kind, target, activity);
        }

        /** The submitter's two strings; the parser is on the object's start. */
        private String[] submitter() throws IOException {
            String[] fields = new String[2];
            Set<String> seen = new HashSet<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                String path = "submitter." + name;
                JsonLocation at = p.currentTokenLocation();
                JsonToken value = p.nextToken();
                int index = SUBMITTER_PROPERTIES.indexOf(name);
                if (!seen.add(name)) {
                    duplicate(at, path, name);
                    p.skipChildren();
                } else if (index < 0) {
                    problems.add(ApiProblem.of(json.unknownProperty(at, name, SUBMITTER_PROPERTIES), path));
                    p.skipChildren();
                } else {
                    fields[index] = string(at, path, value);
                }
            }
            return fields;
        }

        /** The activity's text, its properties glanced at; the parser is on the object's start. */
        private ActivityText activity() throws IOException {
            JsonLocation start = p.currentTokenLocation();
            boolean hasId = false;
            boolean empty = true;
            int nullId = -1;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                empty = false;
                String name = p.currentName();
                JsonLocation at = p.currentTokenLocation();
                JsonToken value = p.nextToken();
                if (name.equals("id") && value != JsonToken.VALUE_NULL) {
                    hasId = true;
                } else if (name.equals("id")) {
                    nullId = (int) (p.currentTokenLocation().getCharOffset() - start.getCharOffset());
                }
                if (NOT_SUBMITTED.contains(name)) {
                    problems.add(ApiProblem.of(placed(at, "submission.not-submitted",
                            SubmitMessages.text("submission.not-submitted", name)), "activity." + name));
                }
                p.skipChildren();
            }
            long end = p.currentTokenLocation().getCharOffset() + 1;
            String text = body.substring((int) start.getCharOffset(), (int) end);
            return new ActivityText(text, start.getLineNr(), start.getColumnNr(), hasId, empty, hasId ? -1 : nullId);
        }

        /** A string value, or {@code null} for a {@code null}; another type is a problem. */
        private String string(JsonLocation at, String path, JsonToken value) throws IOException {
            if (value == JsonToken.VALUE_STRING) {
                return p.getText();
            }
            if (value != JsonToken.VALUE_NULL) {
                problems.add(ApiProblem.of(json.wrongType(at, path, SubmitMessages.text("expected.string"), value),
                        path));
                p.skipChildren();
            }
            return null;
        }

        private void wrongType(JsonLocation at, String path, JsonToken found) {
            LocalizedText expected = SubmitMessages.text("expected.object");
            problems.add(ApiProblem.of(json.wrongType(at, path, expected, found), path));
        }

        private void duplicate(JsonLocation at, String path, String name) {
            problems.add(ApiProblem.of(placed(at, JsonProblems.DUPLICATE,
                    SubmitMessages.text("request.duplicate", name)), path));
        }
    }

    /** A problem of the envelope that jqsi-json has no maker for, placed in the body. */
    private static Problem placed(JsonLocation location, String code, LocalizedText message) {
        return Problem.error(Location.inFile(ORIGIN, location.getLineNr(), location.getColumnNr(), ""), code,
                message);
    }
}
