package org.jqsi.server.internal.sources;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.FollowedSource;
import org.jqsi.core.validation.Failures;
import org.jqsi.ical.CalendarImporter;
import org.jqsi.ical.FeedFormatException;
import org.jqsi.ical.FeedTarget;
import org.jqsi.ical.IcalSettings;
import org.jqsi.ical.ImportResult;
import org.jqsi.server.internal.ServerMessages;

/**
 * An iCalendar source, read as {@code import-ics} reads a feed into a file ({@link CalendarImporter}): the same
 * ownership rule, the same events cancelled when they leave the feed. The source's {@code activityKind} is the kind of
 * the events whose {@code CATEGORIES} name none.
 */
final class IcalSourceReader implements SourceReader {

    private final CalendarImporter importer;

    IcalSourceReader(Clock clock) {
        this.importer = new CalendarImporter(IcalSettings.defaults().withImportLimits(
                IcalSettings.defaults().importTimeout(), HttpSourceFetch.MAX_BYTES), clock);
    }

    @Override
    public Read read(byte[] bytes, FollowedSource source, Edition edition, ProgramData program) throws Unreadable {
        FeedTarget target = FeedTarget.of(edition, source.partnerId(), source.region())
                .withLanguage(source.language()).withSource(source.id());
        ImportResult result;
        try {
            result = importer.importFeed(new ByteArrayInputStream(bytes), target, program.activities());
        } catch (FeedFormatException e) {
            throw new Unreadable(ServerMessages.text("source.feed-line", e.line(),
                    LocalizedText.of(e.reason(Language.FR), e.reason(Language.EN))));
        } catch (IOException e) {
            throw new Unreadable(Failures.describe(e));
        }
        List<Activity> own = new ArrayList<>();
        for (Activity activity : result.activities()) {
            if (activity.origin().isSource(source.id())) {
                own.add(source.activityKind() != null && activity.kind() == ActivityKind.OTHER
                        ? activity.toBuilder().kind(source.activityKind()).build() : activity);
            }
        }
        return new Read(own, result.problems());
    }
}
