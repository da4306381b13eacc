package org.jqsi.sheets.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where in the sheet a problem that the validator found in the merged program is: the row of the activity, and the
 * column that holds the part its path names ({@code activities[7].schedule.end} is row 5, column Fin), so that the
 * organiser is pointed at a cell rather than at a path of a file they never saw.
 */
final class ValidationPlaces {

    private static final Pattern ACTIVITY = Pattern.compile("activities\\[(\\d+)]\\.?(.*)");

    /** The columns that hold a path, by path prefix, the first column the sheet has being the place. */
    private static final Map<String, List<Column>> COLUMNS = new LinkedHashMap<>();

    static {
        columns("id", Column.ID, Column.TITLE_FR);
        columns("kind", Column.KIND);
        columns("title.en", Column.TITLE_EN);
        columns("title", Column.TITLE_FR);
        columns("description.en", Column.DESCRIPTION_EN);
        columns("description", Column.DESCRIPTION_FR, Column.DESCRIPTION_EN);
        columns("schedule.end", Column.END, Column.END_TIME, Column.START, Column.DATE);
        columns("schedule.last", Column.END, Column.START, Column.DATE);
        columns("schedule.closes", Column.END, Column.END_TIME, Column.START);
        columns("schedule.zone", Column.ZONE, Column.START, Column.DATE);
        columns("schedule", Column.START, Column.DATE, Column.START_TIME);
        columns("previousStart", Column.START, Column.DATE);
        columns("place.name", Column.VENUE);
        columns("place.address.street", Column.STREET);
        columns("place.address.municipality", Column.MUNICIPALITY);
        columns("place.address.postalCode", Column.POSTAL_CODE);
        columns("place.address", Column.STREET, Column.MUNICIPALITY);
        columns("place.geo.latitude", Column.LATITUDE);
        columns("place.geo.longitude", Column.LONGITUDE);
        columns("place.geo", Column.LATITUDE, Column.LONGITUDE);
        columns("place.url", Column.ONLINE_URL);
        columns("place.platform", Column.PLATFORM);
        columns("place.hostPartnerId", Column.HOST);
        columns("place", Column.MODE, Column.VENUE, Column.ONLINE_URL);
        columns("region", Column.REGION);
        columns("partners", Column.PARTNERS);
        columns("registration.url", Column.REGISTRATION_URL, Column.REGISTRATION);
        columns("registration.contact", Column.REGISTRATION_CONTACT, Column.REGISTRATION);
        columns("registration.deadline", Column.REGISTRATION_DEADLINE);
        columns("registration", Column.REGISTRATION, Column.REGISTRATION_URL, Column.REGISTRATION_CONTACT);
        columns("admission", Column.ADMISSION);
        columns("languages", Column.LANGUAGES);
        columns("audiences", Column.AUDIENCES);
        columns("themeTags", Column.THEMES);
        columns("status", Column.STATUS);
        columns("links", Column.LINKS);
    }

    private ValidationPlaces() {
    }

    private static void columns(String path, Column... columns) {
        COLUMNS.put(path, List.of(columns));
    }

    /** The activity index a validator's path is about, or -1. */
    static int activityIndex(String where) {
        Matcher m = ACTIVITY.matcher(where);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** The place in the sheet of a validator's path about the activity of a row. */
    static SheetPlace place(String where, int row, Headers headers) {
        Matcher m = ACTIVITY.matcher(where);
        String path = m.matches() ? m.group(2) : where;
        // Lists' indexes, and the parts of a hybrid place, are not columns: partners[2].partnerId is Partenaires.
        String plain = path.replaceAll("\\[\\d+]", "").replace("place.venue.", "place.")
                .replace("place.online.", "place.");
        for (Map.Entry<String, List<Column>> entry : COLUMNS.entrySet()) {
            String prefix = entry.getKey();
            if (plain.equals(prefix) || plain.startsWith(prefix + ".") || plain.startsWith(prefix + "[")) {
                for (Column column : entry.getValue()) {
                    if (headers.has(column)) {
                        return headers.place(row, column);
                    }
                }
                break;
            }
        }
        return path.isEmpty() ? SheetPlace.row(row) : SheetPlace.rowPath(row, path);
    }
}
