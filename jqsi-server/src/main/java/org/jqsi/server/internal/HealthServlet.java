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
import org.jqsi.core.program.ReloadResult;

/**
 * {@code /healthz}: whether the server is serving, which program version, since when, and what came of the last
 * reload, for load balancers and for the people who publish the program file.
 */
public final class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient CurrentProgram program;

    public HealthServlet(CurrentProgram program) {
        this.program = program;
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
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        JSON.writeValue(response.getOutputStream(), body);
    }
}
