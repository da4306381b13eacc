package org.jqsi.web.internal;

import static org.jqsi.web.internal.RequestParameters.ACCESSIBILITY;
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

import gg.jte.Content;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jqsi.core.model.AccessibilityFeature;
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

    private static final Map<String, Region> REGIONS = Arrays.stream(Region.values())
            .collect(Collectors.toUnmodifiableMap(Region::code, Function.identity()));
    private static final Map<String, String> KINDS =
            keys(ActivityKind.values(), EnumSpelling::of, k -> "kind." + k.name());
    private static final Map<String, String> MODES =
            keys(AttendanceMode.values(), EnumSpelling::of, m -> "mode." + m.name());
    private static final Map<String, String> FEATURES =
            keys(AccessibilityFeature.values(), EnumSpelling::of, a -> "accessibility." + a.name());
    private static final Map<String, String> LANGUAGES =
            keys(Language.values(), Language::code, l -> "filter.language." + l.code());

    private final WidgetAddresses addresses;
    private final BiFunction<Activity, Language, ActivityCard.AddToCalendar> calendar;
    /**
     * The list's menus: the calendar file only. Google's and Outlook's links repeat the whole description,
     * URL-encoded, twice per card (they were 28–31 % of a list's bytes); the activity's page has them.
     */
    private final BiFunction<Activity, Language, ActivityCard.AddToCalendar> listCalendar;

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
        this.listCalendar = (activity, language) -> new ActivityCard.AddToCalendar(
                addresses.activityCalendar(activity.id(), language), null, null);
    }

    /**
     * The list page.
     *
     * @param kept the cards rendered by earlier pages, where this page's are found or kept
     * @param choices the filter form's choices, rendered
     * @param templates renders the cards not kept
     */
    public WidgetView widget(Program program, WidgetRequest request, QueryResult result, RenderedCards kept,
            RenderedChoices choices, Templates templates) {
        Language language = request.language();
        Messages t = Messages.of(language);
        DateTexts dates = DateTexts.of(language);
        // The filters' part of every link of the page, encoded once.
        FilterQuery query = new FilterQuery(request.filters());
        ListCards cards = new ListCards(kept, templates, program, language, addresses, listCalendar,
                query.activity(language));

        SortedMap<LocalDate, List<ListCard>> byDay = new TreeMap<>();
        List<ListCard> undated = new ArrayList<>();
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
                request.page() > 1 ? addresses.base() + query.list(language, request.page() - 1) : null,
                request.page() < pages ? addresses.base() + query.list(language, request.page() + 1) : null,
                t.text("pager.position", request.page(), pages));

        String feedQuery = query.feed(language);
        List<WidgetView.FeedLink> feeds = Arrays.stream(Feeds.Format.values())
                .map(f -> new WidgetView.FeedLink(addresses.feed(f.file(), feedQuery), t.text(f.labelKey()), f.type()))
                .toList();

        String count = result.total() == 0 ? t.text("count.none")
                : result.total() == 1 ? t.text("count.one") : t.text("count.many", result.total());
        String heading = headingFor(program, request, t);
        Language other = other(language);
        PageFrame frame = frame(t, title(heading, request, t, pages), request.layout(),
                addresses.base() + query.list(other, request.page()), other, null);
        return new WidgetView(frame, request.fragment(), heading, form(program, request, t, query, choices), count,
                List.copyOf(days), List.copyOf(undated), pager, feeds);
    }

    /**
     * An activity's page.
     *
     * @param filters the filters of the list the visitor came from (its way back), or none: then its edition's list
     * @param fragment whether for the inline widget
     */
    public ActivityPageView activity(Program program, Activity activity, Language language, JsonLd jsonLd,
            SortedMap<String, List<String>> filters, boolean fragment) {
        Messages t = Messages.of(language);
        ActivityCard card = new ActivityCards(program, language, addresses, calendar, filters).card(activity);
        Edition edition = program.editionOf(activity);
        PageFrame frame = frame(t, t.text("title.part", card.title(), t.text("heading.edition", edition.year())),
                Layout.FULL, addresses.activity(activity.id(), other(language), filters),
                other(language), jsonLd);
        SortedMap<String, List<String>> back = filters.isEmpty()
                ? new TreeMap<>(Map.of(EDITION.name(), List.of(edition.id()))) : filters;
        return new ActivityPageView(frame, card, editionName(edition, t), addresses.widget(back, language, 1),
                fragment);
    }

    /** A page that says what went wrong, its links back to the list without filters. */
    public ErrorView error(int status, Language language, List<Problem> problems, boolean fragment) {
        return error(status, language, problems, fragment, new TreeMap<>());
    }

    /**
     * A page that says what went wrong.
     *
     * @param filters the filters the visitor came with that read: its links back to the list (and to the other
     *     language) keep them
     */
    public ErrorView error(int status, Language language, List<Problem> problems, boolean fragment,
            SortedMap<String, List<String>> filters) {
        Messages t = Messages.of(language);
        List<ErrorView.Explanation> shown = ErrorView.Explanation.all(problems, language);
        String heading = t.text("error.heading." + status);
        PageFrame frame = frame(t, t.text("title.part", heading, t.text("heading.all")), Layout.FULL,
                addresses.widget(filters, other(language), 1), other(language), null);
        return new ErrorView(frame, status, heading, shown, addresses.widget(filters, language, 1), fragment);
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

    /**
     * A list page's title: what it shows, so that a tab, a bookmark or a screen reader's list of windows tells pages
     * apart ("Programme des JQSI 2020 — Mauricie, Exposition — Page 2 de 3").
     */
    private static String title(String heading, WidgetRequest request, Messages t, int pages) {
        Map<String, List<String>> f = request.filters();
        Language language = request.language();
        List<String> chosen = new ArrayList<>();
        // The filters' values are normalised spellings: found in maps made once, not by spelling every constant.
        for (String code : f.getOrDefault(REGION.name(), List.of())) {
            Region region = REGIONS.get(code);
            if (region != null) {
                chosen.add(region.displayName().in(language));
            }
        }
        named(f, KIND.name(), KINDS, chosen, t);
        named(f, MODE.name(), MODES, chosen, t);
        named(f, ACCESSIBILITY.name(), FEATURES, chosen, t);
        named(f, LANGUAGE.name(), LANGUAGES, chosen, t);
        if (f.containsKey(FREE.name())) {
            chosen.add(t.text("filter.free"));
        }
        String from = single(f, FROM.name());
        String to = single(f, TO.name());
        if (!from.isEmpty() || !to.isEmpty()) {
            chosen.add(t.text("title.dates", from.isEmpty() ? "…" : from, to.isEmpty() ? "…" : to));
        }
        String text = single(f, TEXT.name());
        if (!text.isEmpty()) {
            chosen.add(t.text("title.text", text));
        }
        String title = chosen.isEmpty() ? heading : t.text("title.part", heading, String.join(", ", chosen));
        return pages <= 1 ? title : t.text("title.part", title, t.text("pager.position", request.page(), pages));
    }

    /** Adds the names of a filter's values, those with a message key, to what a title says is chosen. */
    private static void named(Map<String, List<String>> filters, String name, Map<String, String> keys,
            List<String> chosen, Messages t) {
        for (String code : filters.getOrDefault(name, List.of())) {
            String key = keys.get(code);
            if (key != null) {
                chosen.add(t.text(key));
            }
        }
    }

    /** Each constant's message key, by its spelling. */
    private static <E extends Enum<E>> Map<String, String> keys(E[] constants, Function<E, String> spelling,
            Function<E, String> key) {
        Map<String, String> keys = new HashMap<>();
        for (E constant : constants) {
            keys.put(spelling.apply(constant), key.apply(constant));
        }
        return Map.copyOf(keys);
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

    static String editionName(Edition edition, Messages t) {
        return edition.number() == null ? t.text("edition.name", edition.year())
                : t.text("edition.numbered", edition.year(), edition.number());
    }

    private FilterForm form(Program program, WidgetRequest request, Messages t, FilterQuery query,
            RenderedChoices choices) {
        Map<String, List<String>> f = request.filters();
        Language language = request.language();
        List<String> chosenEditions = f.getOrDefault(EDITION.name(),
                request.defaultEdition() == null ? List.of() : List.of(request.defaultEdition()));

        List<Content> editions = new ArrayList<>();
        for (RenderedChoices.Choice edition : choices.editions(program, language)) {
            editions.add(edition.shown(chosenEditions.contains(edition.value())));
        }

        // Only choices that some activity of these editions has: none that can only give an empty list. A choice
        // the request made is kept, to show what was asked.
        ProgramChoices offered = ProgramChoices.of(program, chosenEditions);
        RenderedChoices.Menus menus = choices.menus(language);
        List<String> chosenRegions = f.getOrDefault(REGION.name(), List.of());
        List<Content> regions = new ArrayList<>();
        regions.add(menus.allRegions().shown(chosenRegions.isEmpty()));
        menus.regions().forEach((region, choice) -> {
            boolean chosen = chosenRegions.contains(choice.value());
            if (chosen || offered.regions().contains(region)) {
                regions.add(choice.shown(chosen));
            }
        });

        List<String> chosenKinds = f.getOrDefault(KIND.name(), List.of());
        List<Content> kinds = new ArrayList<>();
        kinds.add(menus.allKinds().shown(chosenKinds.isEmpty()));
        menus.kinds().forEach((kind, choice) -> {
            boolean chosen = chosenKinds.contains(choice.value());
            if (chosen || offered.kinds().contains(kind)) {
                kinds.add(choice.shown(chosen));
            }
        });

        List<String> chosenModes = f.getOrDefault(MODE.name(), List.of());
        List<Content> modes = new ArrayList<>();
        modes.add(menus.allModes().shown(chosenModes.isEmpty()));
        menus.modes().forEach((mode, choice) -> {
            boolean chosen = chosenModes.contains(choice.value());
            if (chosen || offered.modes().contains(mode)) {
                modes.add(choice.shown(chosen));
            }
        });

        List<String> chosenLanguage = f.getOrDefault(LANGUAGE.name(), List.of());
        List<Content> languages = new ArrayList<>();
        languages.add(menus.allLanguages().shown(chosenLanguage.isEmpty()));
        menus.languages().forEach((l, choice) -> {
            boolean chosen = chosenLanguage.contains(choice.value());
            if (chosen || offered.languages().contains(choice.value())) {
                languages.add(choice.shown(chosen));
            }
        });

        List<String> chosenFeatures = f.getOrDefault(ACCESSIBILITY.name(), List.of());
        List<Content> features = new ArrayList<>();
        menus.accessibility().forEach((feature, choice) -> {
            boolean chosen = chosenFeatures.contains(choice.value());
            if (chosen || offered.accessibility().contains(feature)) {
                features.add(choice.shown(chosen));
            }
        });

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
        String resetHref = addresses.base() + query.reset(language);
        // The filters with a control of their own that the request set: how many the folded form hides.
        int active = 0;
        for (String name : List.of(EDITION.name(), REGION.name(), KIND.name(), MODE.name(), LANGUAGE.name(),
                FROM.name(), TO.name(), TEXT.name(), FREE.name(), ACCESSIBILITY.name())) {
            if (f.containsKey(name)) {
                active++;
            }
        }
        String toggle = active == 0 ? t.text("filter.toggle") : t.text("filter.toggleCount", active);
        return new FilterForm(addresses.base(), resetHref, editions, regions, kinds,
                modes, languages, single(f, FROM.name()), single(f, TO.name()), single(f, TEXT.name()),
                f.containsKey(FREE.name()), List.copyOf(hidden), List.copyOf(features), toggle);
    }

    private static String single(Map<String, List<String>> filters, String name) {
        List<String> values = filters.get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }
}
