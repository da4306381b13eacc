package org.jqsi.server.internal.cli;

import java.net.URI;
import java.text.Normalizer;
import java.util.Locale;
import org.jqsi.core.model.Ids;

/**
 * The source id that {@code import-ics} gives a feed, and {@code import-sheet} a sheet, when {@code --source} is not
 * given: stable from one run to the next, so that the second import of a feed finds the activities of the first.
 */
final class SourceNames {

    /** Room left after a source id, for the ids of its activities under its name. */
    private static final int MAX = 40;

    private SourceNames() {
    }

    /**
     * The partner's id and the feed's file name without its extension ({@code cs3r} and {@code agenda.ics} give
     * {@code cs3r-agenda}; a name that already starts with the partner's id is kept as it is), for a URL the last
     * segment of its path, else its host; as a slug of at most 40 characters.
     */
    static String forFeed(String partnerId, String feed) {
        String name = feed;
        if (feed.startsWith("http://") || feed.startsWith("https://") || feed.startsWith("webcal://")) {
            try {
                URI uri = URI.create(feed);
                String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
                name = path.isEmpty() ? String.valueOf(uri.getHost()) : path.substring(path.lastIndexOf('/') + 1);
            } catch (IllegalArgumentException e) {
                // Not a URL after all: its text is slugged below.
            }
        } else {
            name = name.replace('\\', '/');
            name = name.substring(name.lastIndexOf('/') + 1);
        }
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        String slug = slug(name);
        String partner = slug(partnerId);
        String id = slug.isEmpty() ? partner : slug.equals(partner) || slug.startsWith(partner + "-") ? slug
                : partner + "-" + slug;
        if (id.length() > MAX) {
            id = id.substring(0, MAX).replaceAll("-+$", "");
        }
        return id.isEmpty() ? "flux" : id;
    }

    private static String slug(String text) {
        String slug = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.length() > Ids.MAX_LENGTH ? slug.substring(0, Ids.MAX_LENGTH) : slug;
    }
}
