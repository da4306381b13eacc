package org.jqsi.ical.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;

/**
 * The words for activity kinds in calendars' {@code CATEGORIES}, both ways: what jqsi writes, and what partners'
 * feeds call their events.
 */
public final class KindLabels {

    /** The word for each kind, from the bundle's {@code kind.*} keys. */
    private static final Map<ActivityKind, LocalizedText> LABELS = labels();

    /** Words partners use that say the kind, lower case without accents. */
    private static final Map<String, ActivityKind> WORDS = Map.ofEntries(
            Map.entry("conference", ActivityKind.CONFERENCE),
            Map.entry("film", ActivityKind.SCREENING),
            Map.entry("cinema", ActivityKind.SCREENING),
            Map.entry("projection", ActivityKind.SCREENING),
            Map.entry("screening", ActivityKind.SCREENING),
            Map.entry("concert", ActivityKind.CONCERT),
            Map.entry("spectacle", ActivityKind.CONCERT),
            Map.entry("exposition", ActivityKind.EXHIBITION),
            Map.entry("exhibition", ActivityKind.EXHIBITION),
            Map.entry("vernissage", ActivityKind.EXHIBITION),
            Map.entry("quiz", ActivityKind.QUIZ),
            Map.entry("panel", ActivityKind.PANEL),
            Map.entry("table ronde", ActivityKind.PANEL),
            Map.entry("discussion", ActivityKind.DISCUSSION),
            Map.entry("causerie", ActivityKind.DISCUSSION),
            Map.entry("atelier", ActivityKind.WORKSHOP),
            Map.entry("workshop", ActivityKind.WORKSHOP),
            Map.entry("formation", ActivityKind.WORKSHOP),
            Map.entry("publication", ActivityKind.PUBLICATION),
            Map.entry("lancement", ActivityKind.PUBLICATION));

    private KindLabels() {
    }

    private static Map<ActivityKind, LocalizedText> labels() {
        Map<ActivityKind, LocalizedText> labels = new EnumMap<>(ActivityKind.class);
        for (ActivityKind kind : ActivityKind.values()) {
            labels.put(kind, IcalMessages.text("kind." + kind.name().toLowerCase(java.util.Locale.ROOT)));
        }
        return labels;
    }

    /** The word for a kind in a language. */
    public static String label(ActivityKind kind, Language language) {
        return LABELS.get(kind).in(language);
    }

    /** The kind a category word names ("Projection", "Film", "atelier"), if it names one. */
    public static Optional<ActivityKind> kindNamed(String category) {
        String word = java.text.Normalizer.normalize(category.strip(), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").toLowerCase(java.util.Locale.ROOT);
        for (Map.Entry<ActivityKind, LocalizedText> e : LABELS.entrySet()) {
            if (e.getKey() != ActivityKind.OTHER && (matches(e.getValue().fr(), word)
                    || matches(e.getValue().in(Language.EN), word))) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.ofNullable(WORDS.get(word));
    }

    private static boolean matches(String label, String word) {
        return java.text.Normalizer.normalize(label, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .toLowerCase(java.util.Locale.ROOT).equals(word);
    }
}
