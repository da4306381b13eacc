package org.jqsi.sheets.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Address;
import org.jqsi.core.model.Admission;
import org.jqsi.core.model.Audience;
import org.jqsi.core.model.Geo;
import org.jqsi.core.model.Involvement;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Link;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.OnlinePlatform;
import org.jqsi.core.model.PartnerRole;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.Price;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Registration;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.model.Status;
import org.jqsi.sheets.SheetTarget;

/**
 * One row of a sheet made into an activity, every cell read on its own so that a row's problems are all found at
 * once, each at its cell. A row with any error gives no activity.
 */
final class RowReader {

    /**
     * An activity read from a row.
     *
     * @param number the row's number
     * @param activity the activity, with what the sheet does not say left at its defaults
     * @param derivedId whether its id was made from its title and start ({@link SheetIds}) rather than given
     */
    record SheetRow(int number, Activity activity, boolean derivedId) {
    }

    private static final Pattern SPLIT = Pattern.compile("\\s*(?:[;\\n]|,(?!\\d))\\s*");
    private static final Pattern PARTNER_WITH_ROLE = Pattern.compile("(.*?)\\s*\\(([^()]*)\\)\\s*");
    private static final Pattern REGION_CODE_FIRST = Pattern.compile("(\\d{1,2})\\s*[-–—:.)]?\\s*(\\D.*)");
    private static final Pattern REGION_CODE_LAST = Pattern.compile("(.*\\D)\\s*\\((\\d{1,2})\\)");
    private static final Pattern POSTAL_CODE = Pattern.compile("([A-Za-z]\\d[A-Za-z])\\s*-?\\s*(\\d[A-Za-z]\\d)");
    private static final Pattern PRICE = Pattern.compile(
            "(.*?)(?:\\$\\s*)?(\\d{1,6}(?:[.,]\\d{1,2})?)\\s*(?:\\$|cad|dollars?)?(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[+()\\d][\\d\\s().+-]{6,}(?:\\s*(?:poste|ext\\.?|x)\\s*\\d+)?");
    private static final Set<String> FREE = Set.of("gratuit", "gratuite", "free", "entreelibre", "entreegratuite",
            "libre", "0", "0$", "gratuitpourtous", "freeforall");
    private static final Set<String> BILINGUAL = Set.of("bilingue", "bilingual");

    private final Headers headers;
    private final SheetTarget target;
    private final PartnerNames partners;
    private final SheetProblems problems;

    RowReader(Headers headers, SheetTarget target, PartnerNames partners, SheetProblems problems) {
        this.headers = headers;
        this.target = target;
        this.partners = partners;
        this.problems = problems;
    }

    /** The row's activity, or empty when any of its cells has an error (each reported). */
    Optional<SheetRow> read(RawSheet.Row row) {
        return new OneRow(row).read();
    }

    /** The reading of one row: its cells, and whether any had an error. */
    private final class OneRow {

        private final RawSheet.Row row;
        private boolean failed;
        private int errors;

        OneRow(RawSheet.Row row) {
            this.row = row;
        }

        Optional<SheetRow> read() {
            if (!headers.hasTitle() || !headers.has(Column.START) && !headers.has(Column.DATE)) {
                return Optional.empty();
            }
            String id = id();
            ActivityKind kind = kind();
            LocalizedText title = title();
            LocalizedText description = description();
            Region region = region();
            Place place = place(region);
            ZoneId zone = zone(place, region);
            Schedule schedule = schedule(zone);
            List<Involvement> involvements = partners();
            Registration registration = registration();
            Admission admission = admission();
            List<Locale> languages = languages();
            List<Audience> audiences = audiences();
            List<String> themes = themes();
            Status status = status();
            List<Link> links = links();
            if (failed) {
                return Optional.empty();
            }
            boolean derived = id == null;
            Activity activity = Activity.builder(derived ? SheetIds.derive(title.fr(), schedule) : id)
                    .edition(target.edition().id())
                    .kind(kind)
                    .title(title)
                    .description(description)
                    .schedule(schedule)
                    .place(place)
                    .region(region)
                    .partners(involvements)
                    .registration(registration)
                    .admission(admission)
                    .languages(languages)
                    .audiences(audiences)
                    .themeTags(themes)
                    .status(status)
                    .links(links)
                    .build();
            return Optional.of(new SheetRow(row.number(), activity, derived));
        }

        // ---- cells

        private CellValue cell(Column column) {
            int index = headers.index(column);
            return index < 0 ? CellValue.EMPTY : row.cell(index);
        }

        private String text(Column column) {
            return cell(column).text().strip();
        }

        private SheetPlace place(Column column) {
            return headers.place(row.number(), column);
        }

        /** The first of the columns the sheet has, for a problem about what they say together. */
        private SheetPlace placeOf(String path, Column... columns) {
            for (Column column : columns) {
                if (headers.has(column)) {
                    return place(column);
                }
            }
            return SheetPlace.rowPath(row.number(), path);
        }

        private void error(SheetPlace place, String code, Object... args) {
            failed = true;
            errors++;
            problems.error(place, code, args);
        }

        private void error(Column column, String code, Object... args) {
            error(place(column), code, args);
        }

        private List<String> items(Column column) {
            String text = text(column);
            if (text.isEmpty()) {
                return List.of();
            }
            return List.of(SPLIT.split(text)).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        // ---- what an activity is

        private String id() {
            String id = text(Column.ID);
            if (id.isEmpty()) {
                return null;
            }
            if (!SheetIds.isId(id)) {
                error(Column.ID, "cell.id", id, SheetIds.slug(id));
            }
            return id;
        }

        private ActivityKind kind() {
            String text = text(Column.KIND);
            if (text.isEmpty()) {
                return ActivityKind.OTHER;
            }
            Optional<ActivityKind> kind = Vocabularies.KINDS.find(text);
            if (kind.isEmpty()) {
                error(Column.KIND, "cell.kind", text, Vocabularies.KINDS.choices(Language.FR),
                        Vocabularies.KINDS.choices(Language.EN));
                return ActivityKind.OTHER;
            }
            return kind.get();
        }

        private LocalizedText title() {
            String fr = text(Column.TITLE_FR);
            String en = text(Column.TITLE_EN);
            if (fr.isEmpty() && !en.isEmpty() && headers.language() == Language.EN) {
                // As an English iCalendar feed's: the French title says it is the English one.
                return LocalizedText.of(SheetMessages.format(Language.FR, "text.title-in-english", en), en);
            }
            if (fr.isEmpty()) {
                error(headers.has(Column.TITLE_FR) ? place(Column.TITLE_FR) : place(Column.TITLE_EN),
                        en.isEmpty() ? "cell.title-missing" : "cell.title-english-only");
                return LocalizedText.fr("?");
            }
            return LocalizedText.of(fr, en.isEmpty() ? null : en);
        }

        private LocalizedText description() {
            String fr = text(Column.DESCRIPTION_FR);
            String en = text(Column.DESCRIPTION_EN);
            if (fr.isEmpty() && !en.isEmpty() && headers.language() == Language.EN) {
                return LocalizedText.of(SheetMessages.format(Language.FR, "text.description-in-english", en), en);
            }
            if (fr.isEmpty()) {
                if (!en.isEmpty()) {
                    error(placeOf("description.fr", Column.DESCRIPTION_FR, Column.DESCRIPTION_EN),
                            "cell.description-english-only");
                }
                return null;
            }
            return LocalizedText.of(fr, en.isEmpty() ? null : en);
        }

        private Region region() {
            String text = text(Column.REGION);
            if (text.isEmpty()) {
                return target.region();
            }
            Optional<Region> region = regionNamed(text);
            if (region.isEmpty()) {
                error(Column.REGION, "cell.region", text);
                return null;
            }
            return region.get();
        }

        private ZoneId zone(Place place, Region region) {
            String text = text(Column.ZONE);
            if (!text.isEmpty()) {
                Optional<ZoneId> zone = QuebecZones.named(text);
                if (zone.isEmpty()) {
                    error(Column.ZONE, "cell.zone", text, String.join(", ", QuebecZones.examples()));
                    return target.zoneOrEastern();
                }
                return zone.get();
            }
            String municipality = place == null ? null
                    : place.venuePart().map(v -> v.address().municipality()).orElse(null);
            return QuebecZones.ofMunicipality(municipality, region).orElse(target.zoneOrEastern());
        }

        // ---- when

        private Schedule schedule(ZoneId zone) {
            CellValue start = cell(Column.START);
            CellValue date = cell(Column.DATE);
            int before = errors;
            boolean startTba = isToBeAnnounced(start);
            boolean dateTba = isToBeAnnounced(date);
            if (startTba || dateTba) {
                for (Column other : List.of(Column.START, Column.DATE, Column.START_TIME, Column.END,
                        Column.END_TIME)) {
                    CellValue value = cell(other);
                    if (!value.isBlank() && !isToBeAnnounced(value)) {
                        error(other, "cell.date-with-tba", value.text().strip(),
                                (startTba ? start : date).text().strip());
                    }
                }
                return Schedule.ToBeAnnounced.unknown();
            }
            WrittenDates.Moment startMoment = moment(Column.START);
            WrittenDates.Moment dateMoment = moment(Column.DATE);
            LocalTime startTime = time(Column.START_TIME);
            WrittenDates.Moment endMoment = moment(Column.END);
            LocalTime endTime = time(Column.END_TIME);
            if (errors > before) {
                return null;
            }
            LocalDate startDay = startMoment == null ? null : startMoment.date();
            LocalTime startClock = startMoment == null ? null : startMoment.time();
            if (dateMoment != null) {
                if (dateMoment.date() == null) {
                    error(Column.DATE, "cell.date-is-time", text(Column.DATE));
                    return null;
                }
                startDay = same(startDay, dateMoment.date(), Column.START, Column.DATE);
                startClock = same(startClock, dateMoment.time(), Column.START, Column.DATE);
            }
            startClock = same(startClock, startTime, Column.START, Column.START_TIME);
            LocalDate endDay = endMoment == null ? null : endMoment.date();
            LocalTime endClock = same(endMoment == null ? null : endMoment.time(), endTime, Column.END,
                    Column.END_TIME);
            if (errors > before) {
                return null;
            }
            if (startDay == null) {
                SheetPlace place = placeOf("schedule.start", Column.START, Column.DATE, Column.START_TIME);
                error(place, startClock == null ? "cell.start-missing" : "cell.time-without-date");
                return null;
            }
            if (endDay == null && endClock != null) {
                endDay = startDay;
            }
            if (startClock != null) {
                LocalDateTime from = startDay.atTime(startClock);
                if (endClock != null) {
                    LocalDateTime to = endDay.atTime(endClock);
                    // Open over days ("from Tuesday 10 a.m. to Friday 5 p.m."): a window. An evening that ends past
                    // midnight is still one timed activity.
                    if (to.isAfter(from.plusDays(1))) {
                        return new Schedule.Window(startDay, endDay, startClock, endClock, zone);
                    }
                    return Schedule.Timed.between(from, to, zone);
                }
                if (endDay != null && !endDay.equals(startDay)) {
                    return new Schedule.Window(startDay, endDay, startClock, null, zone);
                }
                return Schedule.Timed.at(from, zone);
            }
            if (endClock != null) {
                return new Schedule.Window(startDay, endDay, null, endClock, zone);
            }
            return Schedule.Window.days(startDay, endDay == null ? startDay : endDay, zone);
        }

        private boolean isToBeAnnounced(CellValue value) {
            return value instanceof CellValue.Text text && WrittenDates.isToBeAnnounced(text.value());
        }

        /** The one value two columns give for the same thing, or an error when they give two. */
        private <T> T same(T first, T second, Column firstColumn, Column secondColumn) {
            if (first == null) {
                return second;
            }
            if (second != null && !first.equals(second)) {
                error(secondColumn, "cell.date-twice", text(secondColumn), headers.header(firstColumn),
                        text(firstColumn));
            }
            return first;
        }

        private WrittenDates.Moment moment(Column column) {
            CellValue value = cell(column);
            if (value.isBlank()) {
                return null;
            }
            if (value instanceof CellValue.DateTime dateTime) {
                return new WrittenDates.Moment(dateTime.value().toLocalDate(), dateTime.value().toLocalTime());
            }
            if (value instanceof CellValue.Date day) {
                return new WrittenDates.Moment(day.value(), null);
            }
            if (value instanceof CellValue.Time time) {
                return new WrittenDates.Moment(null, time.value());
            }
            if (value instanceof CellValue.Number number) {
                error(column, "date.number", number.text());
                return null;
            }
            try {
                return WrittenDates.parse(value.text(), target.edition().year());
            } catch (WrittenDates.Unreadable e) {
                error(column, e.code(), e.args());
                return null;
            }
        }

        private LocalTime time(Column column) {
            CellValue value = cell(column);
            if (value.isBlank()) {
                return null;
            }
            if (value instanceof CellValue.Time time) {
                return time.value();
            }
            if (value instanceof CellValue.DateTime dateTime) {
                return dateTime.value().toLocalTime();
            }
            try {
                return WrittenDates.parseTime(value.text());
            } catch (WrittenDates.Unreadable e) {
                error(column, e.code(), e.args());
                return null;
            }
        }

        // ---- where

        private Place place(Region region) {
            String modeText = text(Column.MODE);
            String name = text(Column.VENUE);
            String street = text(Column.STREET);
            String municipality = text(Column.MUNICIPALITY);
            String postalCode = text(Column.POSTAL_CODE);
            String latitude = text(Column.LATITUDE);
            String longitude = text(Column.LONGITUDE);
            String url = text(Column.ONLINE_URL);
            String platformText = text(Column.PLATFORM);
            String host = text(Column.HOST);
            int before = errors;
            boolean venueGiven = !(name + street + municipality + postalCode + latitude + longitude).isEmpty();
            boolean onlineGiven = !(url + platformText + host).isEmpty();
            Vocabularies.Mode mode = null;
            if (!modeText.isEmpty()) {
                mode = Vocabularies.MODES.find(modeText).orElse(null);
                if (mode == null) {
                    error(Column.MODE, "cell.mode", modeText, Vocabularies.MODES.choices(Language.FR),
                            Vocabularies.MODES.choices(Language.EN));
                    return null;
                }
                if (mode == Vocabularies.Mode.ONLINE && venueGiven) {
                    error(Column.MODE, "cell.mode-online-with-venue", modeText);
                } else if (mode == Vocabularies.Mode.VENUE && onlineGiven) {
                    error(Column.MODE, "cell.mode-venue-with-online", modeText);
                }
            } else if (venueGiven || onlineGiven) {
                mode = venueGiven && onlineGiven ? Vocabularies.Mode.HYBRID
                        : venueGiven ? Vocabularies.Mode.VENUE : Vocabularies.Mode.ONLINE;
            }
            if (mode == null) {
                return null;
            }
            Place.Venue venue = null;
            Place.Online online = null;
            if (mode != Vocabularies.Mode.ONLINE) {
                venue = venue(name, street, municipality, postalCode, latitude, longitude);
            }
            if (mode != Vocabularies.Mode.VENUE) {
                online = online(url, platformText, host);
            }
            if (errors > before) {
                return null;
            }
            return switch (mode) {
                case VENUE -> venue;
                case ONLINE -> online;
                case HYBRID -> venue == null || online == null ? null : new Place.Hybrid(venue, online);
            };
        }

        private Place.Venue venue(String name, String street, String municipality, String postalCode,
                String latitude, String longitude) {
            boolean ok = true;
            if (name.isEmpty()) {
                error(placeOf("place.name", Column.VENUE, Column.MODE), "cell.venue-missing");
                ok = false;
            }
            if (municipality.isEmpty()) {
                error(placeOf("place.address.municipality", Column.MUNICIPALITY, Column.VENUE, Column.MODE),
                        "cell.municipality-missing");
                ok = false;
            }
            Geo geo = null;
            if (!latitude.isEmpty() || !longitude.isEmpty()) {
                Double lat = coordinate(Column.LATITUDE, latitude, Column.LONGITUDE);
                Double lon = coordinate(Column.LONGITUDE, longitude, Column.LATITUDE);
                geo = lat == null || lon == null ? null : new Geo(lat, lon);
            }
            if (!ok) {
                return null;
            }
            Matcher postal = POSTAL_CODE.matcher(postalCode);
            String code = postalCode.isEmpty() ? null : postal.matches()
                    ? (postal.group(1) + " " + postal.group(2)).toUpperCase(Locale.ROOT) : postalCode;
            return new Place.Venue(name, new Address(street.isEmpty() ? null : street, municipality, code), geo);
        }

        private Double coordinate(Column column, String text, Column other) {
            if (text.isEmpty()) {
                error(placeOf(column.path(), column, other), "cell.geo-half");
                return null;
            }
            try {
                return Double.valueOf(text.replace(',', '.'));
            } catch (NumberFormatException e) {
                error(column, "cell.number", text);
                return null;
            }
        }

        private Place.Online online(String urlText, String platformText, String hostText) {
            URI url = urlText.isEmpty() ? null : url(Column.ONLINE_URL, urlText);
            OnlinePlatform platform = null;
            if (!platformText.isEmpty()) {
                platform = Vocabularies.PLATFORMS.find(platformText).orElse(null);
                if (platform == null) {
                    error(Column.PLATFORM, "cell.platform", platformText,
                            Vocabularies.PLATFORMS.choices(Language.FR), Vocabularies.PLATFORMS.choices(Language.EN));
                }
            } else if (url != null) {
                platform = platformOf(url);
            }
            String host = hostText.isEmpty() ? null : partner(Column.HOST, hostText);
            return new Place.Online(url, platform, host);
        }

        // ---- who, and on what terms

        private List<Involvement> partners() {
            List<Involvement> involvements = new ArrayList<>();
            for (String item : items(Column.PARTNERS)) {
                String name = item;
                PartnerRole role = PartnerRole.PARTNER;
                Matcher withRole = PARTNER_WITH_ROLE.matcher(item);
                if (withRole.matches()) {
                    name = withRole.group(1);
                    role = Vocabularies.ROLES.find(withRole.group(2)).orElse(null);
                    if (role == null) {
                        error(Column.PARTNERS, "cell.role", withRole.group(2), Vocabularies.ROLES.choices(Language.FR),
                                Vocabularies.ROLES.choices(Language.EN));
                        continue;
                    }
                }
                String id = partner(Column.PARTNERS, name);
                Involvement involvement = id == null ? null : new Involvement(id, role);
                if (involvement != null && !involvements.contains(involvement)) {
                    involvements.add(involvement);
                }
            }
            Involvement organizer = new Involvement(target.partnerId(), PartnerRole.ORGANIZER);
            if (!involvements.contains(organizer)) {
                involvements.add(0, organizer);
            }
            return involvements;
        }

        private String partner(Column column, String name) {
            Optional<String> id = partners.find(name);
            if (id.isPresent()) {
                return id.get();
            }
            Optional<String> near = partners.nearest(name);
            if (near.isPresent()) {
                error(column, "cell.partner-near", name, near.get());
            } else {
                error(column, "cell.partner", name);
            }
            return null;
        }

        private Registration registration() {
            String required = text(Column.REGISTRATION);
            String urlText = text(Column.REGISTRATION_URL);
            String contact = text(Column.REGISTRATION_CONTACT);
            boolean deadlineGiven = !cell(Column.REGISTRATION_DEADLINE).isBlank();
            if (required.isEmpty() && urlText.isEmpty() && contact.isEmpty() && !deadlineGiven) {
                return null;
            }
            URI url = urlText.isEmpty() ? null : url(Column.REGISTRATION_URL, urlText);
            boolean isRequired = true;
            if (!required.isEmpty()) {
                Optional<Vocabularies.Answer> answer = Vocabularies.ANSWERS.find(required);
                if (answer.isPresent()) {
                    isRequired = answer.get() == Vocabularies.Answer.YES;
                } else if (looksLikeUrl(required)) {
                    URI given = url(Column.REGISTRATION, required);
                    url = same(url, given, Column.REGISTRATION_URL, Column.REGISTRATION);
                } else if (EMAIL.matcher(required).matches() || PHONE.matcher(required).matches()) {
                    contact = same(contact.isEmpty() ? null : contact, required, Column.REGISTRATION_CONTACT,
                            Column.REGISTRATION);
                } else {
                    error(Column.REGISTRATION, "cell.registration", required);
                }
            }
            LocalDate deadline = null;
            if (deadlineGiven) {
                WrittenDates.Moment moment = moment(Column.REGISTRATION_DEADLINE);
                if (moment != null && moment.date() == null) {
                    error(Column.REGISTRATION_DEADLINE, "cell.date-is-time", text(Column.REGISTRATION_DEADLINE));
                }
                deadline = moment == null ? null : moment.date();
            }
            return new Registration(isRequired, url, contact == null || contact.isEmpty() ? null : contact,
                    deadline);
        }

        private Admission admission() {
            String text = text(Column.ADMISSION);
            if (text.isEmpty()) {
                return null;
            }
            if (FREE.contains(Headers.fold(text))) {
                return Admission.free();
            }
            List<Price> prices = new ArrayList<>();
            for (String item : text.split("\\s*(?:[;/\\n]|\\bou\\b|\\bor\\b)\\s*")) {
                if (item.isBlank()) {
                    continue;
                }
                if (FREE.contains(Headers.fold(item))) {
                    prices.add(new Price(BigDecimal.ZERO.setScale(2), null));
                    continue;
                }
                Matcher m = PRICE.matcher(item.strip());
                if (!m.matches()) {
                    error(Column.ADMISSION, "cell.admission", text);
                    return null;
                }
                BigDecimal amount = new BigDecimal(m.group(2).replace(',', '.')).setScale(2, RoundingMode.UNNECESSARY);
                String label = (m.group(1) + " " + m.group(3)).replaceAll("^[\\s:()\\-–,]+|[\\s:()\\-–,]+$", "")
                        .replaceAll("\\s+", " ");
                prices.add(new Price(amount, label.isEmpty() ? null : LocalizedText.fr(label)));
            }
            if (prices.isEmpty()) {
                error(Column.ADMISSION, "cell.admission", text);
                return null;
            }
            return new Admission(prices);
        }

        private List<Locale> languages() {
            Set<Locale> languages = new LinkedHashSet<>();
            for (String item : items(Column.LANGUAGES)) {
                for (String part : item.split("\\s+(?:et|and)\\s+")) {
                    if (BILINGUAL.contains(Headers.fold(part))) {
                        languages.add(Locale.forLanguageTag("fr"));
                        languages.add(Locale.forLanguageTag("en"));
                        continue;
                    }
                    Optional<Locale> language = SpokenLanguages.find(part);
                    if (language.isEmpty()) {
                        error(Column.LANGUAGES, "cell.language", part);
                    } else {
                        languages.add(language.get());
                    }
                }
            }
            return List.copyOf(languages);
        }

        private List<Audience> audiences() {
            List<Audience> audiences = new ArrayList<>();
            for (String item : items(Column.AUDIENCES)) {
                Optional<Audience> audience = Vocabularies.AUDIENCES.find(item);
                if (audience.isEmpty()) {
                    error(Column.AUDIENCES, "cell.audience", item, Vocabularies.AUDIENCES.choices(Language.FR),
                            Vocabularies.AUDIENCES.choices(Language.EN));
                } else if (!audiences.contains(audience.get())) {
                    audiences.add(audience.get());
                }
            }
            return audiences;
        }

        private List<String> themes() {
            List<String> tags = new ArrayList<>();
            for (String item : items(Column.THEMES)) {
                String tag = SheetIds.slug(item);
                if (tag.isEmpty()) {
                    error(Column.THEMES, "cell.theme", item);
                } else if (!tags.contains(tag)) {
                    tags.add(tag);
                }
            }
            return tags;
        }

        private Status status() {
            String text = text(Column.STATUS);
            if (text.isEmpty()) {
                return Status.SCHEDULED;
            }
            Optional<Status> status = Vocabularies.STATUSES.find(text);
            if (status.isEmpty()) {
                error(Column.STATUS, "cell.status", text, Vocabularies.STATUSES.choices(Language.FR),
                        Vocabularies.STATUSES.choices(Language.EN));
                return Status.SCHEDULED;
            }
            if (status.get() == Status.RESCHEDULED) {
                error(Column.STATUS, "cell.status-rescheduled", text);
            }
            return status.get();
        }

        private List<Link> links() {
            List<Link> links = new ArrayList<>();
            for (String item : text(Column.LINKS).split("[\\s;]+")) {
                if (!item.isBlank()) {
                    URI url = url(Column.LINKS, item);
                    if (url != null) {
                        links.add(new Link(url, null));
                    }
                }
            }
            return links;
        }

        // ---- values

        /**
         * An http or https address; one written without its scheme ({@code www.cs3r.org/jqsi}) is taken as https, as
         * a browser's address bar would.
         */
        private URI url(Column column, String text) {
            String address = text.strip();
            if (!address.contains("://") && looksLikeUrl(address)) {
                address = "https://" + address;
            }
            try {
                URI url = new URI(address);
                String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null) {
                    return url;
                }
            } catch (URISyntaxException e) {
                // Said below, as any other address that is not a web address.
            }
            error(column, "cell.url", text);
            return null;
        }
    }

    private static boolean looksLikeUrl(String text) {
        return text.matches("(?i)(?:https?://)?(?:www\\.)?[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.[a-z]{2,}(?:[/?#]\\S*)?");
    }

    /** The platform of a link whose column does not name one. */
    static OnlinePlatform platformOf(URI url) {
        String host = url.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("fb.me") || host.equals("facebook.com") || host.endsWith(".facebook.com")) {
            return OnlinePlatform.FACEBOOK;
        }
        if (host.equals("youtu.be") || host.equals("youtube.com") || host.endsWith(".youtube.com")) {
            return OnlinePlatform.YOUTUBE;
        }
        if (host.equals("zoom.us") || host.endsWith(".zoom.us")) {
            return OnlinePlatform.ZOOM;
        }
        if (host.equals("teams.microsoft.com") || host.equals("teams.live.com")) {
            return OnlinePlatform.TEAMS;
        }
        return null;
    }

    /**
     * A region by code ({@code 04}, {@code 4}) or name in French or English, with or without accents or dashes
     * ({@code Gaspesie-Iles-de-la-Madeleine}), or both as lists write them ({@code 04 - Mauricie},
     * {@code Mauricie (04)}), in which case they must agree.
     */
    static Optional<Region> regionNamed(String text) {
        Optional<Region> direct = Region.parse(text);
        if (direct.isPresent()) {
            return direct;
        }
        Matcher first = REGION_CODE_FIRST.matcher(text.strip());
        Matcher last = REGION_CODE_LAST.matcher(text.strip());
        String code;
        String name;
        if (first.matches()) {
            code = first.group(1);
            name = first.group(2);
        } else if (last.matches()) {
            code = last.group(2);
            name = last.group(1);
        } else {
            return Optional.empty();
        }
        Optional<Region> byCode = Region.byCode(code);
        return byCode.isPresent() && byCode.equals(Region.byName(name.strip())) ? byCode : Optional.empty();
    }
}
