package org.jqsi.web.submit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.Program;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.validation.Location;
import org.jqsi.core.validation.Problem;
import org.jqsi.json.ProgramReader;
import org.jqsi.json.ProgramWriter;

/**
 * Reads a submitted activity with the program file's own rules: its text goes, as sent, into a program file made of
 * the served program's editions and partners, which {@link ProgramReader} reads strictly and validates whole. So an
 * unknown property, a value of the wrong type or spelling, a missing required property, an edition or a partner the
 * program does not have, an end before its start are each reported as they would be in the program file, at the
 * activity's path ({@code activities[0].schedule.end} becomes {@code activity.schedule.end}) and at their line and
 * column in the request's body.
 *
 * <p>An activity sent without an {@code id} is read with a stand-in id, given after the text so that nothing before
 * it moves; the caller gives it its own. Thread-safe.
 */
final class ActivityReading {

    /** The id an activity sent without one is read with: a valid slug that no problem can be about. */
    static final String STAND_IN_ID = "activite-soumise";

    /** The id put in place of an {@code "id": null}: as long as {@code null} with its quotes, so nothing moves. */
    static final String NULL_STAND_IN_ID = "zz";

    private static final String ACTIVITY = "activities[0]";

    /** The program file's text before the activity, made once per program served (compared by identity). */
    private record Prefix(Program program, String text) {
    }

    private final ProgramReader reader;
    private final AtomicReference<Prefix> prefix = new AtomicReference<>();

    ActivityReading(ProgramReader reader) {
        this.reader = reader;
    }

    /**
     * The activity, read in the served program.
     *
     * @throws Refusal {@code 422} with every problem found
     */
    Activity read(SubmissionRequest.ActivityText sent, Program served) throws Refusal {
        String before = prefix(served);
        String activity = sent.hasId() ? sent.json() : withStandInId(sent);
        String file = before + activity + "]}";
        try {
            return reader.read(file, SubmissionRequest.ORIGIN).activities().get(0);
        } catch (ProgramLoadException e) {
            List<ApiProblem> problems = new ArrayList<>();
            for (Problem problem : e.report().errors()) {
                problems.add(inBody(problem, before.length(), sent));
            }
            throw new Refusal(422, problems);
        }
    }

    /** {@code {"formatVersion":1,"editions":[…],"partners":[…],"activities":[}, on one line. */
    private String prefix(Program served) {
        Prefix known = prefix.get();
        if (known != null && known.program() == served) {
            return known.text();
        }
        String head = ProgramWriter.forWeb()
                .toJson(new ProgramData(served.editions(), served.partners(), List.of())).strip();
        if (!head.endsWith("}") || head.indexOf('\n') >= 0 || head.indexOf('\r') >= 0) {
            throw new IllegalStateException("the compact program file is one line of one object");
        }
        String text = head.substring(0, head.length() - 1) + ",\"activities\":[";
        prefix.set(new Prefix(served, text));
        return text;
    }

    /**
     * The activity with a stand-in id: in place of its {@code null}, or added last, before its closing brace, so that
     * nothing before it moves.
     */
    private static String withStandInId(SubmissionRequest.ActivityText sent) {
        String json = sent.json();
        if (sent.nullId() >= 0) {
            return json.substring(0, sent.nullId()) + "\"" + NULL_STAND_IN_ID + "\""
                    + json.substring(sent.nullId() + "null".length());
        }
        int close = json.lastIndexOf('}');
        String id = "\"id\":\"" + STAND_IN_ID + "\"";
        return json.substring(0, close) + (sent.empty() ? id : "," + id) + json.substring(close);
    }

    /** A problem of the program file read, at the activity's path and at its place in the body. */
    private static ApiProblem inBody(Problem problem, int prefixLength, SubmissionRequest.ActivityText sent) {
        String path;
        int line = 0;
        int column = 0;
        if (problem.location() instanceof Location.FilePosition at) {
            path = at.path();
            if (at.line() == 1 && at.column() > prefixLength) {
                line = sent.line();
                column = sent.column() + at.column() - prefixLength - 1;
            } else if (at.line() > 1) {
                line = sent.line() + at.line() - 1;
                column = at.column();
            }
        } else if (problem.location() instanceof Location.ProgramPath at) {
            path = at.path();
        } else {
            path = "";
        }
        return new ApiProblem(activityPath(path), problem.code(), problem.message(), line, column);
    }

    /** {@code activities[0].title.fr} as {@code activity.title.fr}; another path (not the activity's) as it is. */
    static String activityPath(String path) {
        if (path.equals(ACTIVITY)) {
            return "activity";
        }
        if (path.startsWith(ACTIVITY + ".") || path.startsWith(ACTIVITY + "[")) {
            return "activity" + path.substring(ACTIVITY.length());
        }
        return path;
    }
}
