package org.jqsi.server.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jqsi.core.model.Language;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.core.program.Program;
import org.jqsi.core.program.ProgramSource;
import org.jqsi.core.program.ReloadResult;
import org.jqsi.server.internal.sources.ComposedSource;
import org.jqsi.server.internal.sources.SourceHealth;
import org.jqsi.server.internal.submissions.SubmittedSource;

/**
 * {@code /healthz}: whether the server is serving, which program version, since when, and what came of the last
 * reload, for load balancers and for the people who publish the program file; with sources, how each stands; with
 * submissions, what approvals publish and what of it is left out.
 */
public final class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient CurrentProgram program;

    public HealthServlet(CurrentProgram program) {
        this.program = program;
    }

    /** One source: {@code {"id", "kind", "location", "state", "activities", "lastSuccess", "lastChange", "lastError"}}. */
    private static Map<String, Object> source(SourceHealth health) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("id", health.id());
        source.put("kind", health.kind());
        source.put("location", health.location());
        source.put("state", health.state());
        source.put("activities", health.activities());
        source.put("lastSuccess", health.lastSuccess() == null ? null : health.lastSuccess().toString());
        source.put("lastChange", health.lastChange() == null ? null : health.lastChange().toString());
        if (health.lastError() != null) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("at", health.lastErrorAt().toString());
            error.put("message", bilingual(health.lastError().fr(), health.lastError().in(Language.EN)));
            source.put("lastError", error);
        } else {
            source.put("lastError", null);
        }
        return source;
    }

    /**
     * The submissions: {@code {"database", "revision", "published", "leftOut": [{"id", "problems": [{"fr", "en"}]}],
     * "lastRead", "lastError"}}.
     */
    private static Map<String, Object> submissions(SubmittedSource.Health health) {
        Map<String, Object> submissions = new LinkedHashMap<>();
        submissions.put("database", health.database());
        submissions.put("revision", health.revision());
        submissions.put("published", health.published());
        submissions.put("leftOut", health.leftOut().entrySet().stream().map(e -> {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("id", e.getKey());
            one.put("problems", e.getValue().stream().map(p -> bilingual(p.format(Language.FR),
                    p.format(Language.EN))).toList());
            return one;
        }).toList());
        submissions.put("lastRead", health.lastRead() == null ? null : health.lastRead().toString());
        if (health.lastError() != null) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("at", health.lastErrorAt().toString());
            error.put("message", bilingual(health.lastError().fr(), health.lastError().in(Language.EN)));
            submissions.put("lastError", error);
        } else {
            submissions.put("lastError", null);
        }
        return submissions;
    }

    private static Map<String, String> bilingual(String fr, String en) {
        Map<String, String> message = new LinkedHashMap<>();
        message.put("fr", fr);
        message.put("en", en);
        return message;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Program served = program.get();
        ReloadResult last = program.lastReload();
        Map<String, Object> lastReload = new LinkedHashMap<>();
        lastReload.put("at", last.at().toString());
        lastReload.put("applied", last.applied());
        lastReload.put("errors", last.report().errors().stream().map(p -> p.format(Language.EN)).toList());
        lastReload.put("warnings", last.report().warnings().size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "serving");
        body.put("programVersion", served.version());
        body.put("loadedAt", program.loadedAt().toString());
        body.put("source", program.source().describe());
        body.put("activities", served.activities().size());
        body.put("lastReload", lastReload);
        ProgramSource source = program.source();
        if (source instanceof SubmittedSource submitted) {
            body.put("submissions", submissions(submitted.health()));
            source = submitted.base();
        }
        if (source instanceof ComposedSource composed) {
            body.put("sources", composed.sources().health().stream().map(HealthServlet::source).toList());
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        JSON.writeValue(response.getOutputStream(), body);
    }
}
