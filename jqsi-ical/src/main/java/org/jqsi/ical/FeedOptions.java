package org.jqsi.ical;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;

/**
 * What one feed looks like, on top of {@link IcalSettings}: its language, name, addresses and reminders.
 *
 * @param language the language of texts ({@code SUMMARY}, {@code DESCRIPTION}, ...), or {@code null} for the
 *     settings' default
 * @param name the calendar's name, or {@code null} for the settings' name ("JQSI – Mauricie" for a region's feed)
 * @param source where this feed can be fetched again ({@code SOURCE}), or {@code null} for the settings' one
 * @param url the page this feed belongs to ({@code URL}), or {@code null} for the settings' one
 * @param reminders when to remind subscribers, as durations before each start ({@code VALARM}); empty for none
 */
public record FeedOptions(Language language, LocalizedText name, URI source, URI url, List<Duration> reminders) {

    private static final FeedOptions DEFAULTS = new FeedOptions(null, null, null, null, List.of());

    public FeedOptions {
        reminders = List.copyOf(reminders == null ? List.of() : reminders);
        for (Duration reminder : reminders) {
            if (reminder.isNegative()) {
                throw new IllegalArgumentException("reminders: must be before the start, was " + reminder);
            }
        }
    }

    /** Everything from the settings, no reminder. */
    public static FeedOptions defaults() {
        return DEFAULTS;
    }

    /** In a language, everything else from the settings. */
    public static FeedOptions in(Language language) {
        return DEFAULTS.withLanguage(Objects.requireNonNull(language, "language"));
    }

    public FeedOptions withLanguage(Language value) {
        return new FeedOptions(value, name, source, url, reminders);
    }

    public FeedOptions withName(LocalizedText value) {
        return new FeedOptions(language, value, source, url, reminders);
    }

    public FeedOptions withSource(URI value) {
        return new FeedOptions(language, name, value, url, reminders);
    }

    public FeedOptions withUrl(URI value) {
        return new FeedOptions(language, name, source, value, reminders);
    }

    /** With reminders this long before each start ({@code Duration.ofMinutes(30)}). */
    public FeedOptions withReminders(Duration... before) {
        return new FeedOptions(language, name, source, url, List.of(before));
    }
}
