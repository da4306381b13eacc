package org.jqsi.ical.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jqsi.core.model.Address;
import org.jqsi.core.model.Geo;
import org.jqsi.core.model.Place;

/**
 * A venue read from a free-text {@code LOCATION}, the way Google Calendar and Outlook write them:
 * "name, street, municipality, QC postal code, Canada". The first part is the name, the last one left the
 * municipality, what lies between the street. A best effort: calendars have no structured address.
 */
final class VenueText {

    private static final Pattern POSTAL = Pattern.compile("(?i)^(.*?)[\\s,]*\\b([A-Z]\\d[A-Z])\\s?(\\d[A-Z]\\d)$");
    private static final Pattern PROVINCE = Pattern.compile("(?i)^(.*?)[\\s,]*\\b(QC|Qc|Québec|Quebec|PQ)$");

    private VenueText() {
    }

    static Place.Venue parse(String location, Geo geo) {
        List<String> parts = new ArrayList<>();
        for (String part : location.split(",")) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        if (parts.size() > 1 && parts.get(parts.size() - 1).toLowerCase(Locale.ROOT).equals("canada")) {
            parts.remove(parts.size() - 1);
        }
        String postalCode = null;
        if (parts.size() > 1) {
            String last = parts.get(parts.size() - 1);
            Matcher postal = POSTAL.matcher(last);
            if (postal.matches()) {
                postalCode = (postal.group(2) + " " + postal.group(3)).toUpperCase(Locale.ROOT);
                last = postal.group(1).strip();
            }
            Matcher province = PROVINCE.matcher(last);
            // "QC" is the province; "Québec" alone is as likely the city of Québec.
            if (province.matches() && (!province.group(1).isBlank() || province.group(2).length() == 2)) {
                last = province.group(1).strip();
            }
            if (last.isEmpty()) {
                parts.remove(parts.size() - 1);
            } else {
                parts.set(parts.size() - 1, last);
            }
        }
        String name = parts.isEmpty() ? location.strip() : parts.get(0);
        String municipality = parts.size() > 1 ? parts.get(parts.size() - 1) : name;
        String street = parts.size() > 2 ? String.join(", ", parts.subList(1, parts.size() - 1)) : null;
        return new Place.Venue(name, new Address(street, municipality, postalCode), geo);
    }
}
