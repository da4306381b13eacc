package org.jqsi.server.internal;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;
import org.jqsi.server.JqsiServer;
import org.jqsi.server.ServerSettings;

/**
 * The demo page at the server's root: the widget embedded the way a partner site would, and the snippets to copy.
 */
public final class DemoServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** What a Host header may hold to be shown back in the snippets; anything else falls back to localhost. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}(:\\d{1,5})?|\\[[0-9A-Fa-f:.]{2,45}](:\\d{1,5})?");

    private final transient ServerSettings settings;
    private final transient TemplateEngine templates = TemplateEngine.createPrecompiled(null, ContentType.Html,
            DemoServlet.class.getClassLoader(), "org.jqsi.server.internal.templates");

    public DemoServlet(ServerSettings settings) {
        this.settings = settings;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String widgetBase = widgetBase(request);
        String script = "<script src=\"" + widgetBase + "embed.js\" data-lang=\"fr\" data-region=\"04\" async>"
                + "</script>\n<noscript><a href=\"" + widgetBase + "\">Programme des JQSI</a></noscript>";
        String iframe = "<iframe src=\"" + widgetBase + "?region=04\" title=\"Programme des JQSI\" "
                + "style=\"width:100%;min-height:40rem;border:0\"></iframe>";
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; "
                + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'self'; frame-ancestors 'self'; "
                + "base-uri 'none'; form-action 'self'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Cache-Control", "no-cache");
        templates.render("demo.jte", Map.of("widgetBase", widgetBase, "scriptSnippet", script,
                "iframeSnippet", iframe), new WriterOutput(response.getWriter()));
    }

    /** The widget's absolute address, as partners will paste it. */
    private String widgetBase(HttpServletRequest request) {
        if (settings.baseUrl() != null) {
            return settings.baseUrl().toString().replaceAll("/+$", "") + JqsiServer.WIDGET_PATH + "/";
        }
        String host = request.getHeader("Host");
        if (host == null || !HOST.matcher(host).matches()) {
            host = "localhost:" + request.getLocalPort();
        }
        return request.getScheme() + "://" + host + request.getContextPath() + JqsiServer.WIDGET_PATH + "/";
    }
}
