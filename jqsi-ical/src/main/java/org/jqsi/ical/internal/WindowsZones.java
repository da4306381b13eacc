package org.jqsi.ical.internal;

import com.ibm.icu.text.TimeZoneNames;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The IANA zone of a Windows time-zone name, as Outlook and Exchange write them in {@code TZID}.
 *
 * <p>A Windows id ({@code Eastern Standard Time}) is mapped through the Unicode CLDR table {@code windowsZones.xml},
 * as ICU4J ships it ({@link TimeZone#getIDForWindowsID}), preferring the zone CLDR gives for Canada, then its
 * "001" golden zone: {@code Eastern Standard Time} is America/Toronto, {@code SA Western Standard Time}
 * America/Blanc-Sablon.
 *
 * <p>A display name ({@code (UTC-05:00) Eastern Time (US & Canada)}, older Outlook: {@code (GMT-05:00) …}) is not in
 * CLDR. Its text is matched against CLDR's English metazone names ("Eastern Time": America_Eastern, whose Canadian
 * zone is America/Toronto) and exemplar cities ("Amsterdam, Berlin, …"), and the match is kept only when the zone's
 * standard offset is the one the name starts with. No name, no guess.
 */
final class WindowsZones {

    private static final Pattern DISPLAY = Pattern.compile(
            "\\((?:UTC|GMT)(?:([+-])(\\d{1,2}):?(\\d{2}))?\\)\\s*(.*)", Pattern.CASE_INSENSITIVE);
    private static final String[] TERRITORIES = {"CA", "001"};

    private WindowsZones() {
    }

    /** The zone of a Windows id or display name, if CLDR knows it. */
    static Optional<ZoneId> zoneOf(String name) {
        String trimmed = name.strip();
        for (String territory : TERRITORIES) {
            String id = TimeZone.getIDForWindowsID(trimmed, territory);
            if (id != null) {
                return zone(id);
            }
        }
        Matcher display = DISPLAY.matcher(trimmed);
        return display.matches() ? fromDisplayName(display) : Optional.empty();
    }

    private static Optional<ZoneId> fromDisplayName(Matcher display) {
        int seconds = 0;
        if (display.group(1) != null) {
            seconds = (Integer.parseInt(display.group(2)) * 3_600 + Integer.parseInt(display.group(3)) * 60)
                    * (display.group(1).equals("-") ? -1 : 1);
        }
        ZoneOffset offset;
        try {
            offset = ZoneOffset.ofTotalSeconds(seconds);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        TimeZoneNames names = TimeZoneNames.getInstance(ULocale.ENGLISH);
        // "Eastern Time (US & Canada)", "Amsterdam, Berlin, Bern, Rome": each piece is a name to look up.
        for (String piece : display.group(4).split("[,()]")) {
            String text = piece.strip();
            if (text.isEmpty()) {
                continue;
            }
            // "Newfoundland" is CLDR's "Newfoundland Time", "Eastern Time" is itself.
            for (String name : new String[] {text, text + " Time"}) {
                for (TimeZoneNames.MatchInfo match : names.find(name, 0, EnumSet.of(
                        TimeZoneNames.NameType.LONG_GENERIC, TimeZoneNames.NameType.LONG_STANDARD,
                        TimeZoneNames.NameType.EXEMPLAR_LOCATION))) {
                    if (match.matchLength() != name.length()) {
                        continue;
                    }
                    Optional<ZoneId> zone = match.tzID() != null ? zone(match.tzID())
                            : referenceZone(names, match.mzID());
                    if (zone.isPresent() && hasStandardOffset(zone.get(), offset)) {
                        return zone;
                    }
                }
            }
            Optional<ZoneId> city = city(text, offset);
            if (city.isPresent()) {
                return city;
            }
        }
        return Optional.empty();
    }

    private static Optional<ZoneId> referenceZone(TimeZoneNames names, String metazone) {
        if (metazone == null) {
            return Optional.empty();
        }
        for (String territory : TERRITORIES) {
            String id = names.getReferenceZoneID(metazone, territory);
            if (id != null) {
                return zone(id);
            }
        }
        return Optional.empty();
    }

    /** An IANA zone whose city is the text ("Mexico City": America/Mexico_City), with that standard offset. */
    private static Optional<ZoneId> city(String text, ZoneOffset offset) {
        String wanted = text.replace(' ', '_').toLowerCase(Locale.ROOT);
        return ZoneId.getAvailableZoneIds().stream().sorted()
                .filter(id -> id.toLowerCase(Locale.ROOT).endsWith("/" + wanted))
                // The canonical name of a link ("Canada/Newfoundland" is America/St_Johns), as CLDR gives it.
                .map(id -> zone(TimeZone.getCanonicalID(id)).orElse(ZoneId.of(id))).filter(zone -> hasStandardOffset(zone, offset)).findFirst();
    }

    private static boolean hasStandardOffset(ZoneId zone, ZoneOffset offset) {
        return zone.getRules().getStandardOffset(Instant.now()).equals(offset);
    }

    private static Optional<ZoneId> zone(String id) {
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
