package org.jqsi.ical.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.PartnerRole;
import org.jqsi.core.program.SourceIds;
import org.jqsi.core.validation.Location;
import org.jqsi.ical.FeedFormatException;
import org.jqsi.ical.FeedTarget;
import org.jqsi.ical.ImportResult;

/**
 * One import of a partner's feed: the text layer ({@link FeedText}), each event read on its own ({@link EventImport},
 * so that a bad one sinks only itself), the versions of a UID given twice settled, the occurrences within the edition
 * ({@link Recurrence}), and the merge into the existing activities ({@link FeedMerge}), with the activities the feed
 * no longer has marked cancelled. Only the activities of the target's source are merged, cancelled or adopted: an event
 * whose id another owner has is imported under the source's name ({@link SourceIds}).
 */
public final class FeedImport {

    private final FeedTarget target;
    private final String ownDomain;
    private final ZoneId defaultZone;
    private final Clock clock;

    /**
     * @param target what the feed is imported into
     * @param ownDomain what follows {@code @} in jqsi's own UIDs
     * @param defaultZone the zone of floating times when neither the target nor the feed names one
     * @param clock the time of changes
     */
    public FeedImport(FeedTarget target, String ownDomain, ZoneId defaultZone, Clock clock) {
        this.target = target;
        this.ownDomain = ownDomain;
        this.defaultZone = defaultZone;
        this.clock = clock;
    }

    /**
     * Imports a feed's bytes.
     *
     * @throws FeedFormatException when it is not iCalendar or its structure is broken
     */
    public ImportResult run(byte[] bytes, List<Activity> existing) throws FeedFormatException {
        FeedText feed = FeedText.scan(bytes);
        ImportProblems problems = new ImportProblems();
        if (feed.ignoredLine() > 0) {
            problems.warning(null, feed.ignoredLine(), "feed.outside-calendar",
                    IcalMessages.text("feed.outside-calendar"));
        }
        for (ContentLine line : feed.unreadable()) {
            problems.warning(null, line.line(), "feed.unreadable-line",
                    IcalMessages.text("feed.unreadable-line", line.value()));
        }
        EventImport reader = new EventImport(target, ownDomain, problems);
        Set<String> seenUids = new HashSet<>();
        Map<String, List<Read>> masters = new LinkedHashMap<>();
        Map<String, Map<String, List<Read>>> overrides = new LinkedHashMap<>();
        for (FeedText.Calendar calendar : feed.calendars()) {
            FeedZones zones = new FeedZones(calendar, target.zone(), defaultZone, problems);
            for (FeedText.Component component : calendar.events()) {
                String uid = EventImport.uidOf(component);
                seenUids.add(uid);
                try {
                    EventImport.Event event = reader.read(component, zones);
                    if (event.recurrenceId() == null) {
                        masters.computeIfAbsent(uid, u -> new ArrayList<>()).add(new Read(event, zones));
                    } else {
                        overrides.computeIfAbsent(uid, u -> new LinkedHashMap<>())
                                .computeIfAbsent(occurrenceName(event.recurrenceId()), k -> new ArrayList<>())
                                .add(new Read(event, zones));
                    }
                } catch (EventImport.BadEvent e) {
                    problems.add(e.problem());
                }
            }
        }

        Recurrence recurrence = new Recurrence(target, reader, ownDomain, problems);
        SourceIds ids = new SourceIds(target.sourceId(), existing, activity -> madeByEarlierImport(activity, target));
        Map<String, Activity> imported = new LinkedHashMap<>();
        Map<String, Location.CalendarEvent> origins = new HashMap<>();
        Set<String> failedUids = new HashSet<>(seenUids);
        int[] outside = {0};
        Set<String> uids = new LinkedHashSet<>(masters.keySet());
        uids.addAll(overrides.keySet());
        for (String uid : uids) {
            Read master = latest(masters.getOrDefault(uid, List.of()), problems);
            List<EventImport.Event> modified = new ArrayList<>();
            for (List<Read> versions : overrides.getOrDefault(uid, Map.of()).values()) {
                modified.add(latest(versions, problems).event());
            }
            FeedZones zones = master != null ? master.zones()
                    : overrides.get(uid).values().iterator().next().get(0).zones();
            EventImport.Event from = master != null ? master.event() : modified.get(0);
            try {
                for (Recurrence.Occurrence occurrence : recurrence.occurrences(
                        master == null ? null : master.event(), modified, zones, outside)) {
                    Activity activity = claimed(occurrence.activity(), ids, uid, from.line(), problems);
                    if (activity != null) {
                        imported.put(activity.id(), activity);
                        origins.put(activity.id(), Location.event(uid, from.line()));
                    }
                }
                failedUids.remove(uid);
            } catch (EventImport.BadEvent e) {
                problems.add(e.problem());
            }
        }

        FeedMerge merge = new FeedMerge(existing, clock);
        imported.values().forEach(merge::merge);
        // An event that cannot be read this time keeps its activities as they were.
        merge.cancelMissing(ids::owns, activity -> failedUids.contains(activity.origin().uid()));
        return new ImportResult(merge.activities(), merge.added(), merge.changed(), merge.unchanged(),
                merge.cancelled(), problems.all(), outside[0], origins);
    }

    /**
     * An imported activity under the id the ownership rule gives it ({@link SourceIds}): its natural id, or its id
     * under the source's name when another owner has that one, which is said; {@code null} when it can have neither.
     */
    private Activity claimed(Activity activity, SourceIds ids, String uid, int line, ImportProblems problems) {
        SourceIds.Claim claim = ids.claim(activity.id());
        if (claim.refused() || claim.renamed()) {
            LocalizedText owner = LocalizedText.of(claim.takenBy().origin().describeOwner(Language.FR),
                    claim.takenBy().origin().describeOwner(Language.EN));
            if (claim.refused()) {
                problems.error(uid, line, "event.id-taken", IcalMessages.text("event.id-taken.refused",
                        activity.id(), owner, SourceIds.namespaced(target.sourceId(), activity.id())));
                return null;
            }
            problems.warning(uid, line, "event.id-taken",
                    IcalMessages.text("event.id-taken.renamed", activity.id(), owner, claim.id()));
        }
        return claim.id().equals(activity.id()) ? activity : activity.toBuilder().id(claim.id()).build();
    }

    /** An event read, with the zones of its calendar. */
    private record Read(EventImport.Event event, FeedZones zones) {
    }

    /**
     * The version of an event to keep when a UID (or a UID and RECURRENCE-ID) is given more than once: the highest
     * {@code SEQUENCE}, then the latest {@code DTSTAMP}, then the last one (RFC 5546 §2.1.5); the others are reported.
     */
    private static Read latest(List<Read> versions, ImportProblems problems) {
        if (versions.isEmpty()) {
            return null;
        }
        Comparator<Read> order = Comparator.comparingInt((Read r) -> r.event().sequence())
                .thenComparing(r -> r.event().stamp(), Comparator.nullsFirst(Comparator.naturalOrder()));
        Read kept = versions.get(0);
        for (Read candidate : versions) {
            if (order.compare(candidate, kept) >= 0) {
                kept = candidate;
            }
        }
        for (Read other : versions) {
            if (other != kept) {
                EventImport.Event event = other.event();
                EventImport.Event chosen = kept.event();
                problems.warning(event.uid(), event.line(), "event.duplicate",
                        IcalMessages.text("event.duplicate", chosen.line(), chosen.sequence(), event.sequence()));
            }
        }
        return kept;
    }

    /** The occurrence a RECURRENCE-ID names, as a key to find the same one given twice: its day, or its instant. */
    private static String occurrenceName(EventImport.Moment recurrenceId) {
        return recurrenceId.isDate() ? recurrenceId.value().date().toString() : recurrenceId.instant().toString();
    }

    /**
     * Whether an activity of the program file came from an import made before activities said their origin: of this
     * edition, organised by this partner, in this region, with an id of the shape imports give. Such an activity is
     * adopted by the source when one of its events still has its id (it then says its origin); one the feed no longer
     * has stays the file's, untouched, as any activity written by hand.
     */
    private static boolean madeByEarlierImport(Activity activity, FeedTarget target) {
        return activity.origin().isProgramFile()
                && activity.editionId().equals(target.edition().id())
                && activity.partnersIn(PartnerRole.ORGANIZER).contains(target.partnerId())
                && Objects.equals(activity.region(), target.region())
                && ImportedIds.isImported(activity.id());
    }
}
