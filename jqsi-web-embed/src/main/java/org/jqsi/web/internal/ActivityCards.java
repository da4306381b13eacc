package org.jqsi.web.internal;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityImage;
import org.jqsi.core.model.Admission;
import org.jqsi.core.model.Involvement;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Link;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.PartnerRole;
import org.jqsi.core.model.Person;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.Price;
import org.jqsi.core.model.Registration;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.Status;
import org.jqsi.core.program.Program;

/** Turns activities into {@link ActivityCard}s in one language. */
final class ActivityCards {

    private final Program program;
    private final Language language;
    private final Messages t;
    private final DateTexts dates;
    private final WidgetAddresses addresses;
    private final BiFunction<Activity, Language, ActivityCard.AddToCalendar> calendar;
    /** The query of the links to the activities' pages, the same for every card. */
    private final String activityQuery;
    private NumberFormat numbers;
    /** The amounts written so far on this page: a program has few distinct prices. */
    private final Map<BigDecimal, String> amounts = new HashMap<>();

    /**
     * @param calendar the "add to my calendar" links of a dated activity in a language
     */
    public ActivityCards(Program program, Language language, WidgetAddresses addresses,
            BiFunction<Activity, Language, ActivityCard.AddToCalendar> calendar) {
        this(program, language, addresses, calendar, new TreeMap<>());
    }

    /**
     * @param filters the list's filters, carried by the links to activities' pages so that they lead back to it
     */
    public ActivityCards(Program program, Language language, WidgetAddresses addresses,
            BiFunction<Activity, Language, ActivityCard.AddToCalendar> calendar,
            SortedMap<String, List<String>> filters) {
        this(program, language, addresses, calendar, addresses.activityQuery(language, filters));
    }

    /**
     * @param activityQuery the query of the links to activities' pages ({@link WidgetAddresses#activityQuery}), or
     *     "" for links without one: the list's cards, whose pages put their own ({@link CardBytes})
     */
    ActivityCards(Program program, Language language, WidgetAddresses addresses,
            BiFunction<Activity, Language, ActivityCard.AddToCalendar> calendar, String activityQuery) {
        this.program = program;
        this.language = language;
        this.t = Messages.of(language);
        this.dates = DateTexts.of(language);
        this.addresses = addresses;
        this.calendar = calendar;
        this.activityQuery = activityQuery;
    }

    public ActivityCard card(Activity a) {
        Schedule schedule = a.schedule();
        String datetime = null;
        String when;
        String whenInFull;
        String zone = null;
        ActivityCard.Range whenRange = null;
        ActivityCard.Range whenInFullRange = null;
        if (schedule instanceof Schedule.Timed timed) {
            datetime = DateTexts.isoOffset(timed.startsAt().orElseThrow());
            when = timedText(timed, false);
            whenInFull = timedText(timed, true);
            zone = dates.zoneNameUnlessEastern(timed.zone());
            if (timed.end() != null) {
                String end = DateTexts.isoOffset(timed.end().atZone(timed.zone()));
                String to = timed.end().toLocalDate().equals(timed.start().toLocalDate())
                        ? dates.time(timed.end().toLocalTime()) : dates.dayAndTime(timed.end());
                whenRange = range("when.range", dates.time(timed.start().toLocalTime()), datetime, to, end);
                whenInFullRange = range("when.range", dates.dayAndTime(timed.start()), datetime, to, end);
            }
        } else if (schedule instanceof Schedule.Window window) {
            datetime = window.allDay() ? window.first().toString()
                    : DateTexts.isoOffset(window.startsAt().orElseThrow());
            when = windowText(window);
            whenInFull = window.first().equals(window.last()) && window.allDay()
                    ? dates.day(window.first()) + ", " + when : when;
            zone = window.allDay() ? null : dates.zoneNameUnlessEastern(window.zone());
            whenRange = windowRange(window);
            whenInFullRange = whenRange;
        } else {
            Schedule.ToBeAnnounced tba = (Schedule.ToBeAnnounced) schedule;
            when = tba.note() != null ? tba.note().in(language) : t.text("when.tba");
            whenInFull = when;
        }
        return new ActivityCard(
                a.id(),
                addresses.activity(a.id(), activityQuery),
                a.title().in(language),
                a.title().has(language) ? null : Language.FR.code(),
                a.description() == null ? null : a.description().in(language),
                t.text("kind." + a.kind().name()),
                a.region() == null ? null : a.region().displayName().in(language),
                datetime,
                when,
                whenInFull,
                zone,
                statusText(a),
                a.status() == Status.CANCELLED,
                placeText(a.place()),
                a.place() == null ? null
                        : a.place().onlinePart().map(o -> SafeHref.orNull(o.url())).orElse(null),
                credits(a),
                people(a),
                registrationText(a.registration()),
                a.registration() == null ? null : SafeHref.orNull(a.registration().url()),
                admissionText(a.admission()),
                // Nobody should add a cancelled activity to a calendar: no "add to my calendar" for it.
                schedule.isDated() && a.status() != Status.CANCELLED ? calendar.apply(a, language) : null,
                a.description() == null || a.description().has(language) ? null : Language.FR.code(),
                whenRange,
                whenInFullRange,
                prices(a.admission()),
                picture(a.image()),
                a.accessibility().stream().map(f -> t.text("accessibility." + f.name())).toList(),
                links(a.links()));
    }

    private List<ActivityCard.MoreLink> links(List<Link> links) {
        List<ActivityCard.MoreLink> shown = new ArrayList<>(links.size());
        for (Link link : links) {
            String href = SafeHref.orNull(link.url());
            if (href == null) {
                continue;
            }
            LocalizedText label = link.label();
            shown.add(label == null ? new ActivityCard.MoreLink(href, link.url().getHost(), null)
                    : new ActivityCard.MoreLink(href, label.in(language),
                            label.has(language) ? null : Language.FR.code()));
        }
        return shown;
    }

    private ActivityCard.Picture picture(ActivityImage image) {
        String src = image == null ? null : SafeHref.orNull(image.url());
        if (src == null) {
            return null;
        }
        boolean sized = image.width() != null && image.height() != null;
        String alt = image.alt() == null ? "" : image.alt().in(language);
        String altLang = image.alt() == null || image.alt().has(language) ? null : Language.FR.code();
        List<String> credits = new ArrayList<>();
        if (image.credit() != null) {
            credits.add(image.credit());
        }
        if (image.license() != null) {
            credits.add(image.license());
        }
        return new ActivityCard.Picture(src, alt, altLang, sized ? image.width() : 1200, sized ? image.height() : 675,
                credits.isEmpty() ? null : t.text("image.credit", String.join(" — ", credits)));
    }

    /**
     * A range in the words of a message with two arguments ({@code when.range}: "{0} à {1}"), cut where the
     * arguments go, so that each end can be its own {@code <time>}.
     */
    private ActivityCard.Range range(String key, String from, String fromDatetime, String to, String toDatetime) {
        String pattern = t.text(key, "\u0001", "\u0002");
        int first = pattern.indexOf('\u0001');
        int second = pattern.indexOf('\u0002');
        return new ActivityCard.Range(pattern.substring(0, first), from, fromDatetime,
                pattern.substring(first + 1, second), to, toDatetime, pattern.substring(second + 1));
    }

    /** A window over several days as a range of its first and last days (and hours), or {@code null} for one day. */
    private ActivityCard.Range windowRange(Schedule.Window window) {
        if (window.allDay()) {
            return window.first().equals(window.last()) ? null : range("when.days", dates.shortDay(window.first()),
                    window.first().toString(), dates.shortDay(window.last()), window.last().toString());
        }
        String opens = window.opens() == null ? dates.shortDay(window.first())
                : dates.shortDay(window.first()) + ", " + dates.time(window.opens());
        String closes = window.closes() == null ? dates.shortDay(window.last())
                : dates.shortDay(window.last()) + ", " + dates.time(window.closes());
        String opensAt = window.opens() == null ? window.first().toString()
                : DateTexts.isoOffset(window.startsAt().orElseThrow());
        String closesAt = window.closes() == null ? window.last().toString()
                : DateTexts.isoOffset(window.last().atTime(window.closes()).atZone(window.zone()));
        return range("when.days", opens, opensAt, closes, closesAt);
    }

    /** Each price with its label in the language it is given in (French when there is no English). */
    private List<ActivityCard.PriceText> prices(Admission admission) {
        if (admission == null || admission.isFree()) {
            return List.of();
        }
        List<ActivityCard.PriceText> prices = new ArrayList<>();
        for (Price price : admission.prices()) {
            prices.add(new ActivityCard.PriceText(t.text("price", amount(price.amount())),
                    price.label() == null ? null : price.label().in(language),
                    price.label() == null || price.label().has(language) ? null : Language.FR.code()));
        }
        return List.copyOf(prices);
    }

    private String timedText(Schedule.Timed timed, boolean withDay) {
        LocalDateTime start = timed.start();
        String from = withDay ? dates.dayAndTime(start) : dates.time(start.toLocalTime());
        if (timed.end() == null) {
            return from;
        }
        String to = timed.end().toLocalDate().equals(start.toLocalDate()) ? dates.time(timed.end().toLocalTime())
                : dates.dayAndTime(timed.end());
        return t.text("when.range", from, to);
    }

    private String windowText(Schedule.Window window) {
        if (window.allDay()) {
            return window.first().equals(window.last()) ? t.text("when.allDay")
                    : t.text("when.days", dates.shortDay(window.first()), dates.shortDay(window.last()));
        }
        String opens = window.opens() == null ? dates.shortDay(window.first())
                : dates.shortDay(window.first()) + ", " + dates.time(window.opens());
        String closes = window.closes() == null ? dates.shortDay(window.last())
                : dates.shortDay(window.last()) + ", " + dates.time(window.closes());
        return t.text("when.days", opens, closes);
    }

    private String statusText(Activity a) {
        if (a.status() == Status.SCHEDULED) {
            return null;
        }
        String label = t.text("status." + a.status().name());
        if (a.status() == Status.RESCHEDULED && a.previousStart() != null) {
            return t.text("status.rescheduledFrom", label, dates.dayAndTime(a.previousStart()));
        }
        return label;
    }

    private String placeText(Place place) {
        if (place == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        place.venuePart().ifPresent(v -> {
            StringBuilder venue = new StringBuilder(v.name());
            if (v.address().street() != null) {
                venue.append(", ").append(v.address().street());
            }
            venue.append(", ").append(v.address().municipality());
            parts.add(venue.toString());
        });
        place.onlinePart().ifPresent(o -> {
            List<String> where = new ArrayList<>();
            if (o.platform() != null) {
                where.add(t.text("platform." + o.platform().name()));
            }
            if (o.hostPartnerId() != null) {
                program.partner(o.hostPartnerId()).ifPresent(p -> where.add(p.shortName(language)));
            }
            parts.add(where.isEmpty() ? t.text("place.online") : t.text("place.onlineAt", String.join(", ", where)));
        });
        return String.join(" · ", parts);
    }

    private List<ActivityCard.Credit> credits(Activity a) {
        if (a.partners().isEmpty()) {
            return List.of();
        }
        // One pass over the involvements (rather than one per role), each partner once per role, in program order.
        Map<PartnerRole, Set<String>> byRole = new EnumMap<>(PartnerRole.class);
        for (Involvement involvement : a.partners()) {
            byRole.computeIfAbsent(involvement.role(), r -> new LinkedHashSet<>()).add(involvement.partnerId());
        }
        List<ActivityCard.Credit> credits = new ArrayList<>(byRole.size());
        byRole.forEach((role, ids) -> {
            StringBuilder names = new StringBuilder();
            for (String id : ids) {
                names.append(names.length() == 0 ? "" : ", ")
                        .append(program.partner(id).map(p -> p.shortName(language)).orElse(id));
            }
            credits.add(new ActivityCard.Credit(t.text("role." + role.name()), names.toString()));
        });
        return List.copyOf(credits);
    }

    /** Each person once, with all their roles: "La Bronze (animation, prestation)". */
    private List<String> people(Activity a) {
        Map<String, List<Person>> byName = new LinkedHashMap<>();
        for (Person person : a.people()) {
            byName.computeIfAbsent(person.name(), n -> new ArrayList<>()).add(person);
        }
        List<String> people = new ArrayList<>();
        byName.forEach((name, roles) -> {
            String role = roles.stream().map(p -> t.text("person." + p.role().name())).distinct()
                    .collect(Collectors.joining(", "));
            String description = roles.stream().map(Person::description).filter(Objects::nonNull).findFirst()
                    .map(d -> d.in(language)).orElse(null);
            people.add(description == null ? t.text("person.withRole", name, role)
                    : t.text("person.withRoleAndDescription", name, role, description));
        });
        return List.copyOf(people);
    }

    private String registrationText(Registration registration) {
        if (registration == null) {
            return null;
        }
        if (!registration.required()) {
            return t.text("registration.notRequired");
        }
        StringBuilder text = new StringBuilder(t.text("registration.required"));
        if (registration.deadline() != null) {
            text.append(' ').append(t.text("registration.deadline", dates.shortDay(registration.deadline())));
        }
        if (registration.contact() != null) {
            text.append(" (").append(registration.contact()).append(')');
        }
        return text.toString();
    }

    private String admissionText(Admission admission) {
        if (admission == null) {
            return null;
        }
        if (admission.isFree()) {
            return t.text("admission.free");
        }
        List<String> prices = new ArrayList<>();
        for (Price price : admission.prices()) {
            String amount = t.text("price", amount(price.amount()));
            prices.add(price.label() == null ? amount : amount + " (" + price.label().in(language) + ")");
        }
        return String.join(", ", prices);
    }

    private String amount(BigDecimal amount) {
        // Equal BigDecimals (same value and scale) are written alike.
        return amounts.computeIfAbsent(amount, this::format);
    }

    private String format(BigDecimal amount) {
        // One format per page (cards are made on one thread): looking one up costs more than the card's other texts.
        if (numbers == null) {
            numbers = NumberFormat.getNumberInstance(language.locale());
        }
        NumberFormat format = numbers;
        // "10 $" for whole dollars, "7,50 $" otherwise.
        int decimals = amount.stripTrailingZeros().scale() <= 0 ? 0 : 2;
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format.format(amount);
    }

    /** The start of an activity in its zone, for grouping by day. */
    static ZonedDateTime start(Activity a) {
        return a.schedule().startsAt().orElseThrow();
    }

    static String languageTag(Language language) {
        return language.locale().toLanguageTag().toLowerCase(Locale.ROOT).replace("-ca", "-CA");
    }
}
