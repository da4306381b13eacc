package org.jqsi.sheets.internal;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.Price;
import org.jqsi.core.model.Schedule;

/**
 * Writes the template organisers fill: a header with every {@link Column} in one language, and one example row,
 * an activity written as a sheet would say it, so that reading the template back gives that activity.
 *
 * <p>CSV is UTF-8 with a byte order mark (without it Excel reads UTF-8 as Windows-1252), lines end in CRLF, and the
 * separator is the one each language's Excel expects: {@code ;} in French, {@code ,} in English. XLSX has the dates
 * as date cells, a bold header that stays in view, and a note on each header saying what the column takes.
 */
public final class TemplateWriter {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private TemplateWriter() {
    }

    /** The template's headers, in the language. */
    public static List<String> headers(Language language) {
        List<String> headers = new ArrayList<>();
        for (Column column : Column.values()) {
            headers.add(column.label(language));
        }
        return headers;
    }

    /** Writes the template as CSV. */
    public static void csv(Activity example, Language language, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(language == Language.FR ? ';' : ',')
                .withLineSeparator("\r\n").withoutEscapeChar();
        CsvMapper mapper = new CsvMapper();
        // Quotes only where RFC 4180 needs them (a separator, a quote, a line break), as Excel writes.
        mapper.enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
        List<String[]> rows = List.of(headers(language).toArray(String[]::new), texts(example, language));
        // As a string first: Jackson closes what it writes to, and the caller's stream is the caller's to close.
        writer.write(mapper.writer(schema).writeValueAsString(rows));
        writer.flush();
    }

    /** Writes the template as an XLSX workbook. */
    public static void xlsx(Activity example, Language language, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "jqsi", "1.0");
        Worksheet sheet = workbook.newWorksheet(SheetMessages.format(language, "template.sheet"));
        String[] texts = texts(example, language);
        Map<Column, Object> typed = typed(example);
        for (Column column : Column.values()) {
            int c = column.ordinal();
            sheet.value(0, c, column.label(language));
            sheet.style(0, c).bold().fillColor("DDEBF7").set();
            sheet.comment(0, c, SheetMessages.format(language, "hint." + column.name()));
            sheet.width(c, Math.max(12, Math.min(40, column.label(language).length() + 4)));
            Object value = typed.get(column);
            if (value instanceof LocalDateTime dateTime) {
                sheet.value(1, c, dateTime);
                sheet.style(1, c).format("yyyy-mm-dd hh:mm").set();
            } else if (value instanceof LocalDate date) {
                sheet.value(1, c, date);
                sheet.style(1, c).format("yyyy-mm-dd").set();
            } else if (value instanceof Number number) {
                sheet.value(1, c, number);
            } else if (!texts[c].isEmpty()) {
                sheet.value(1, c, texts[c]);
            }
        }
        sheet.freezePane(0, 1);
        workbook.finish();
    }

    /** The cells a workbook holds as dates or numbers rather than text. */
    private static Map<Column, Object> typed(Activity a) {
        Map<Column, Object> typed = new EnumMap<>(Column.class);
        if (a.schedule() instanceof Schedule.Timed timed) {
            typed.put(Column.START, timed.start());
            if (timed.end() != null) {
                typed.put(Column.END, timed.end());
            }
        } else if (a.schedule() instanceof Schedule.Window window) {
            typed.put(Column.START, window.opens() == null ? window.first() : window.first().atTime(window.opens()));
            typed.put(Column.END, window.closes() == null ? window.last() : window.last().atTime(window.closes()));
        }
        if (a.registration() != null && a.registration().deadline() != null) {
            typed.put(Column.REGISTRATION_DEADLINE, a.registration().deadline());
        }
        if (a.place() != null) {
            a.place().venuePart().filter(v -> v.geo() != null).ifPresent(v -> {
                typed.put(Column.LATITUDE, v.geo().latitude());
                typed.put(Column.LONGITUDE, v.geo().longitude());
            });
        }
        return typed;
    }

    /** Each column's cell for an activity, as text a person would type, in the language. */
    static String[] texts(Activity a, Language language) {
        Map<Column, String> cells = new EnumMap<>(Column.class);
        cells.put(Column.ID, a.id());
        cells.put(Column.KIND, Vocabularies.KINDS.label(a.kind(), language));
        cells.put(Column.TITLE_FR, a.title().fr());
        cells.put(Column.TITLE_EN, a.title().english().orElse(""));
        if (a.description() != null) {
            cells.put(Column.DESCRIPTION_FR, a.description().fr());
            cells.put(Column.DESCRIPTION_EN, a.description().english().orElse(""));
        }
        schedule(a.schedule(), language, cells);
        if (a.region() != null) {
            cells.put(Column.REGION, a.region().displayName().in(language));
        }
        place(a.place(), language, cells);
        List<String> partners = new ArrayList<>();
        a.partners().forEach(p -> partners.add(p.partnerId() + " (" + Vocabularies.ROLES.label(p.role(), language)
                + ")"));
        cells.put(Column.PARTNERS, String.join("; ", partners));
        if (a.registration() != null) {
            cells.put(Column.REGISTRATION, Vocabularies.ANSWERS.label(a.registration().required()
                    ? Vocabularies.Answer.YES : Vocabularies.Answer.NO, language));
            a.registration().link().ifPresent(url -> cells.put(Column.REGISTRATION_URL, url.toString()));
            if (a.registration().contact() != null) {
                cells.put(Column.REGISTRATION_CONTACT, a.registration().contact());
            }
            if (a.registration().deadline() != null) {
                cells.put(Column.REGISTRATION_DEADLINE, a.registration().deadline().toString());
            }
        }
        if (a.admission() != null) {
            cells.put(Column.ADMISSION, admission(a, language));
        }
        cells.put(Column.LANGUAGES, String.join(", ", a.languages().stream()
                .map(l -> SpokenLanguages.label(l, language)).toList()));
        cells.put(Column.AUDIENCES, String.join(", ", a.audiences().stream()
                .map(v -> Vocabularies.AUDIENCES.label(v, language)).toList()));
        cells.put(Column.THEMES, String.join(", ", a.themeTags()));
        cells.put(Column.STATUS, Vocabularies.STATUSES.label(a.status(), language));
        cells.put(Column.LINKS, String.join(" ", a.links().stream().map(l -> l.url().toString()).toList()));
        String[] row = new String[Column.values().length];
        for (Column column : Column.values()) {
            row[column.ordinal()] = cells.getOrDefault(column, "");
        }
        return row;
    }

    private static void schedule(Schedule schedule, Language language, Map<Column, String> cells) {
        if (schedule instanceof Schedule.Timed timed) {
            cells.put(Column.START, DATE_TIME.format(timed.start()));
            if (timed.end() != null) {
                cells.put(Column.END, DATE_TIME.format(timed.end()));
            }
        } else if (schedule instanceof Schedule.Window window) {
            cells.put(Column.START, window.opens() == null ? window.first().toString()
                    : DATE_TIME.format(window.first().atTime(window.opens())));
            cells.put(Column.END, window.closes() == null ? window.last().toString()
                    : DATE_TIME.format(window.last().atTime(window.closes())));
        } else {
            cells.put(Column.START, SheetMessages.format(language, "template.to-be-announced"));
        }
        schedule.zoneId().ifPresent(zone -> cells.put(Column.ZONE, zone.getId()));
    }

    private static void place(Place place, Language language, Map<Column, String> cells) {
        if (place == null) {
            return;
        }
        Vocabularies.Mode mode = place instanceof Place.Venue ? Vocabularies.Mode.VENUE
                : place instanceof Place.Online ? Vocabularies.Mode.ONLINE : Vocabularies.Mode.HYBRID;
        cells.put(Column.MODE, Vocabularies.MODES.label(mode, language));
        place.venuePart().ifPresent(venue -> {
            cells.put(Column.VENUE, venue.name());
            if (venue.address().street() != null) {
                cells.put(Column.STREET, venue.address().street());
            }
            cells.put(Column.MUNICIPALITY, venue.address().municipality());
            if (venue.address().postalCode() != null) {
                cells.put(Column.POSTAL_CODE, venue.address().postalCode());
            }
            if (venue.geo() != null) {
                cells.put(Column.LATITUDE, Double.toString(venue.geo().latitude()));
                cells.put(Column.LONGITUDE, Double.toString(venue.geo().longitude()));
            }
        });
        place.onlinePart().ifPresent(online -> {
            online.link().ifPresent(url -> cells.put(Column.ONLINE_URL, url.toString()));
            if (online.platform() != null) {
                cells.put(Column.PLATFORM, Vocabularies.PLATFORMS.label(online.platform(), language));
            }
            if (online.hostPartnerId() != null) {
                cells.put(Column.HOST, online.hostPartnerId());
            }
        });
    }

    private static String admission(Activity a, Language language) {
        if (a.admission().prices().isEmpty()) {
            return SheetMessages.format(language, "template.free");
        }
        List<String> prices = new ArrayList<>();
        for (Price price : a.admission().prices()) {
            String amount = price.amount().setScale(2, RoundingMode.HALF_UP).toPlainString();
            String written = language == Language.FR ? amount.replace('.', ',') + " $" : "$" + amount;
            prices.add(price.label() == null ? written : written + " " + price.label().in(language));
        }
        return String.join("; ", prices);
    }
}
