package org.jqsi.web.internal;

import java.io.IOException;
import java.util.List;
import java.util.SortedMap;
import org.jqsi.core.model.Language;
import org.jqsi.core.validation.Problem;
import org.jqsi.ical.WebCalendarLinks;

/**
 * The widget's answers when it cannot give what was asked: a page (or an inline fragment) that names each problem,
 * the same as JSON for the feeds, and the page for an address it does not serve. None is kept by caches.
 */
final class ErrorResponses {

    private static final String JSON = "application/json;charset=UTF-8";

    private final Templates templates;
    private final WebCalendarLinks calendarLinks;
    private final RequestReader reader;

    /** @param reader reads the filters the visitor came with, which the pages' links back keep */
    ErrorResponses(Templates templates, WebCalendarLinks calendarLinks, RequestReader reader) {
        this.templates = templates;
        this.calendarLinks = calendarLinks;
        this.reader = reader;
    }

    private SortedMap<String, List<String>> keptFilters(Exchange x) {
        return reader.keptFilters(x.parameters(), x.acceptLanguage(), x.program());
    }

    /** A page, or the widget's fragment, naming each problem in a language. */
    void html(Exchange x, int status, Language language, List<Problem> problems, boolean fragment)
            throws IOException {
        ErrorView view = new WidgetViews(x.addresses(), calendarLinks).error(status, language, problems, fragment,
                keptFilters(x));
        x.setHeader("Cache-Control", "no-store");
        x.setHeader("Content-Language", language.code());
        x.vary("Accept-Language");
        x.send(status, Content.HTML, templates.error(view));
    }

    /** The same for a refused request. */
    void html(Exchange x, InvalidRequest refused, boolean fragment) throws IOException {
        html(x, 400, refused.language(), refused.problems(), fragment);
    }

    /** A feed's refusal, as JSON ({@link JsonError}). */
    void json(Exchange x, InvalidRequest refused) throws IOException {
        int status = 400;
        Language language = refused.language();
        x.setHeader("Cache-Control", "no-store");
        x.setHeader("Content-Language", language.code());
        x.vary("Accept-Language");
        x.send(status, JSON, JsonError.of(status, Messages.of(language).text("error.heading." + status),
                ErrorView.Explanation.all(refused.problems(), language)));
    }

    /** The page for an address the widget does not serve, or an activity it does not have. */
    void notFound(Exchange x) throws IOException {
        ErrorView view = new WidgetViews(x.addresses(), calendarLinks).error(404, x.language(),
                List.of(RequestReader.problem(RequestReader.WHOLE_REQUEST, "error.notFound")), false, keptFilters(x));
        x.setHeader("Cache-Control", "no-store");
        x.send(404, Content.HTML, templates.error(view));
    }
}
