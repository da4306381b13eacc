package org.jqsi.web.internal;

import static org.jqsi.web.internal.RequestParameters.ALL_EDITIONS;
import static org.jqsi.web.internal.RequestParameters.EDITION;
import static org.jqsi.web.internal.RequestParameters.FRAGMENT;
import static org.jqsi.web.internal.RequestParameters.FREE;
import static org.jqsi.web.internal.RequestParameters.FROM;
import static org.jqsi.web.internal.RequestParameters.KIND;
import static org.jqsi.web.internal.RequestParameters.LANG;
import static org.jqsi.web.internal.RequestParameters.LANGUAGE;
import static org.jqsi.web.internal.RequestParameters.LAYOUT;
import static org.jqsi.web.internal.RequestParameters.MODE;
import static org.jqsi.web.internal.RequestParameters.PARTNER;
import static org.jqsi.web.internal.RequestParameters.REGION;
import static org.jqsi.web.internal.RequestParameters.TEXT;
import static org.jqsi.web.internal.RequestParameters.THEME;
import static org.jqsi.web.internal.RequestParameters.TO;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.AttendanceMode;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.Program;
import org.jqsi.core.program.QueryResult;
import org.jqsi.core.validation.Problem;
import org.jqsi.ical.WebCalendarLinks;
import org.jqsi.json.internal.EnumSpelling;

/** Builds the views the templates render, from the program, the request and what the query found. */
final class WidgetViews {

    private final WidgetAddresses addresses;
    private final BiFunction<Activity, Language, ActivityCard.AddToCalendar> calendar;

    /**
     * @param addresses the widget's addresses, as the request reaches them
     * @param calendarLinks makes the Google Calendar and Outlook links of the "add to my calendar" menus
     */
    public WidgetViews(WidgetAddresses addresses, WebCalendarLinks calendarLinks) {
        this.addresses = addresses;
        this.calendar = (activity, language) -> new ActivityCard.AddToCalendar(
                addresses.activityCalendar(activity.id(), language),
                // Made of an https address and percent-encoded values: no URI to parse and check back (see SafeHref).
                calendarLinks.googleHref(activity, language).orElse(null),
                calendarLinks.outlookHref(activity, language).orElse(null));
    }

    /** The list page. */
    public WidgetView widget(Program program, WidgetRequest request, QueryResult result) {
        Language language = request.language();
        Messages t = Messages.of(language);
        DateTexts dates = DateTexts.of(language);
        ActivityCards cards = new ActivityCards(program, language, addresses, calendar);

        SortedMap<LocalDate, List<ActivityCard>> byDay = new TreeMap<>();
        List<ActivityCard> undated = new ArrayList<>();
        for (Activity activity : result.items()) {
            if (activity.schedule().isDated()) {
                byDay.computeIfAbsent(activity.schedule().firstDay().orElseThrow(), d -> new ArrayList<>())
                        .add(cards.card(activity));
            } else {
                undated.add(cards.card(activity));
            }
        }
        List<WidgetView.Day> days = new ArrayList<>();
        byDay.forEach((day, list) -> days.add(new WidgetView.Day(day.toString(), dates.day(day), List.copyOf(list))));

        int pageSize = request.query().limit();
        int pages = Math.max(1, (result.total() + pageSize - 1) / pageSize);
        WidgetView.Pager pager = pages <= 1 ? null : new WidgetView.Pager(
                request.page() > 1 ? addresses.widget(request.filters(), language, request.page() - 1) : null,
                request.page() < pages ? addresses.widget(request.filters(), language, request.page() + 1) : null,
                t.text("pager.position", request.page(), pages));

        List<WidgetView.FeedLink> feeds = Arrays.stream(Feeds.Format.values())
                .map(f -> new WidgetView.FeedLink(addresses.feed(f.file(), request.filters(), language),
                        t.text(f.labelKey()), f.type()))
                .toList();

        String count = result.total() == 0 ? t.text("count.none")
                : result.total() == 1 ? t.text("count.one") : t.text("count.many", result.total());
        String heading = headingFor(program, request, t);
        Language other = other(language);
        PageFrame frame = frame(t, heading, request.layout(),
                addresses.widget(request.filters(), other, request.page()), other, null);
        return new WidgetView(frame, request.fragment(), heading, form(program, request, t), count, List.copyOf(days),
                List.copyOf(undated), pager, feeds);
    }

    /** An activity's page. */
    public ActivityPageView activity(Program program, Activity activity, Language language, JsonLd jsonLd) {
        Messages t = Messages.of(language);
        ActivityCard card = new ActivityCards(program, language, addresses, calendar).card(activity);
        Edition edition = program.editionOf(activity);
        PageFrame frame = frame(t, card.title(), Layout.FULL, addresses.activity(activity.id(), other(language)),
                other(language), jsonLd);
        return new ActivityPageView(frame, card, editionName(edition, t),
                addresses.widget(new TreeMap<>(Map.of(EDITION.name(), List.of(edition.id()))), language,
                        1));
    }

    /** A page that says what went wrong. */
    public ErrorView error(int status, Language language, List<Problem> problems, boolean fragment) {
        Messages t = Messages.of(language);
        List<ErrorView.Explanation> shown = ErrorView.Explanation.all(problems, language);
        String heading = t.text("error.heading." + status);
        PageFrame frame = frame(t, heading, Layout.FULL, addresses.widget(new TreeMap<>(), other(language), 1),
                other(language), null);
        return new ErrorView(frame, status, heading, shown, addresses.widget(new TreeMap<>(), language, 1), fragment);
    }

    private PageFrame frame(Messages t, String title, Layout layout, String otherHref, Language other,
            JsonLd jsonLd) {
        return new PageFrame(t, ActivityCards.languageTag(t.language()), title, addresses.asset("widget.css"),
                addresses.asset("frame.js"), layout.code(), otherHref, other.code(),
                Messages.of(other).text("language.name"), jsonLd);
    }

    private static Language other(Language language) {
        return language == Language.FR ? Language.EN : Language.FR;
    }

    static String headingFor(Program program, WidgetRequest request, Messages t) {
        List<String> editions = request.filters().get(EDITION.name());
        String only = request.defaultEdition();
        if (editions != null && editions.size() == 1 && !ALL_EDITIONS.equals(editions.get(0))) {
            only = editions.get(0);
        }
        if (only == null) {
            return t.text("heading.all");
        }
        return program.edition(only).map(e -> t.text("heading.edition", e.year())).orElse(t.text("heading.all"));
    }

    private static String editionName(Edition edition, Messages t) {
        return edition.number() == null ? t.text("edition.name", edition.year())
                : t.text("edition.numbered", edition.year(), edition.number());
    }

    private FilterForm form(Program program, WidgetRequest request, Messages t) {
        Map<String, List<String>> f = request.filters();
        Language language = request.language();
        List<String> chosenEditions = f.getOrDefault(EDITION.name(),
                request.defaultEdition() == null ? List.of() : List.of(request.defaultEdition()));

        List<FilterForm.Option> editions = new ArrayList<>();
        editions.add(new FilterForm.Option(ALL_EDITIONS, t.text("filter.edition.all"),
                chosenEditions.contains(ALL_EDITIONS)));
        for (Edition edition : program.editions()) {
            editions.add(new FilterForm.Option(edition.id(), editionName(edition, t),
                    chosenEditions.contains(edition.id())));
        }

        List<String> chosenRegions = f.getOrDefault(REGION.name(), List.of());
        List<FilterForm.Option> regions = new ArrayList<>();
        regions.add(new FilterForm.Option("", t.text("filter.region.all"), chosenRegions.isEmpty()));
        for (Region region : Region.values()) {
            regions.add(new FilterForm.Option(region.code(), region.displayName().in(language),
                    chosenRegions.contains(region.code())));
        }

        List<String> chosenKinds = f.getOrDefault(KIND.name(), List.of());
        List<FilterForm.Option> kinds = new ArrayList<>();
        kinds.add(new FilterForm.Option("", t.text("filter.kind.all"), chosenKinds.isEmpty()));
        for (ActivityKind kind : ActivityKind.values()) {
            String code = EnumSpelling.of(kind);
            kinds.add(new FilterForm.Option(code, t.text("kind." + kind.name()), chosenKinds.contains(code)));
        }

        List<String> chosenModes = f.getOrDefault(MODE.name(), List.of());
        List<FilterForm.Option> modes = new ArrayList<>();
        modes.add(new FilterForm.Option("", t.text("filter.mode.all"), chosenModes.isEmpty()));
        for (AttendanceMode mode : AttendanceMode.values()) {
            String code = EnumSpelling.of(mode);
            modes.add(new FilterForm.Option(code, t.text("mode." + mode.name()), chosenModes.contains(code)));
        }

        List<String> chosenLanguage = f.getOrDefault(LANGUAGE.name(), List.of());
        List<FilterForm.Option> languages = new ArrayList<>();
        languages.add(new FilterForm.Option("", t.text("filter.language.all"), chosenLanguage.isEmpty()));
        for (Language l : Language.values()) {
            languages.add(new FilterForm.Option(l.code(), t.text("filter.language." + l.code()),
                    chosenLanguage.contains(l.code())));
        }

        List<FilterForm.Hidden> hidden = new ArrayList<>();
        hidden.add(new FilterForm.Hidden(LANG.name(), language.code()));
        for (String name : List.of(THEME.name(), PARTNER.name(), LAYOUT.name())) {
            for (String value : f.getOrDefault(name, List.of())) {
                hidden.add(new FilterForm.Hidden(name, value));
            }
        }
        // Regions, kinds and modes given more than once in a link have one control each: keep the others.
        for (String name : List.of(REGION.name(), KIND.name(), MODE.name())) {
            List<String> values = f.getOrDefault(name, List.of());
            for (int i = 1; i < values.size(); i++) {
                hidden.add(new FilterForm.Hidden(name, values.get(i)));
            }
        }
        if (request.fragment()) {
            hidden.add(new FilterForm.Hidden(FRAGMENT.name(), "1"));
        }

        // Reset chooses no activities, and keeps how they are shown.
        SortedMap<String, List<String>> resetFilters = new TreeMap<>(f);
        resetFilters.keySet().retainAll(RequestParameters.named(RequestParameter.Role.PRESENTATION));
        return new FilterForm(addresses.base(), addresses.widget(resetFilters, language, 1), editions, regions, kinds,
                modes, languages, single(f, FROM.name()), single(f, TO.name()), single(f, TEXT.name()),
                f.containsKey(FREE.name()), List.copyOf(hidden));
    }

    private static String single(Map<String, List<String>> filters, String name) {
        List<String> values = filters.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }
}
