package org.jqsi.core.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One activity of the program: a screening, a panel, an exhibition...
 *
 * <p>An activity refers to its edition and partners by id; {@link org.jqsi.core.program.Program} resolves them.
 * Build one with {@link #builder(String)}, which fills the optional parts with their empty values.
 *
 * @param id stable, slug-shaped identifier, unique in the program: it makes URLs and calendar UIDs
 * @param editionId the {@link Edition#id()} it belongs to
 * @param kind what kind of activity it is
 * @param title its title
 * @param description a description, or {@code null}
 * @param schedule when it happens
 * @param place where it happens, or {@code null} when not announced
 * @param region the administrative region it belongs to, or {@code null} for province-wide online activities
 * @param partners the partners involved, with their roles
 * @param people the people taking part, with their roles
 * @param registration how to register, or {@code null} when the program does not say
 * @param admission what it costs, or {@code null} when the program does not say
 * @param languages the languages it is held in
 * @param audiences who it is for; empty when not said
 * @param themeTags slug-shaped theme tags ({@code migration-justice})
 * @param status where it stands
 * @param previousStart the start it had before it was rescheduled, or {@code null}
 * @param links links to more
 * @param revision a counter that goes up each time its time or status changes (iCalendar's {@code SEQUENCE})
 * @param lastModified when it last changed, or {@code null}
 * @param origin where it comes from, which is who owns it: {@link Origin#PROGRAM_FILE} (what {@code null} becomes), or
 *     a source and the source's own id for it; only its owner may change, cancel or remove it
 * @param image a picture of it, or {@code null}
 * @param accessibility what it offers people with a disability, as its organisers say; empty when they say nothing
 *     (which does not mean it offers nothing)
 */
public record Activity(
        @NotBlank @Size(max = Ids.MAX_LENGTH) @Pattern(regexp = Ids.SLUG) String id,
        @NotBlank String editionId,
        ActivityKind kind,
        @Valid LocalizedText title,
        @Valid LocalizedText description,
        Schedule schedule,
        @Valid Place place,
        Region region,
        List<@Valid Involvement> partners,
        List<@Valid Person> people,
        @Valid Registration registration,
        @Valid Admission admission,
        List<Locale> languages,
        List<Audience> audiences,
        List<@Pattern(regexp = Ids.SLUG) String> themeTags,
        Status status,
        LocalDateTime previousStart,
        List<@Valid Link> links,
        @PositiveOrZero int revision,
        Instant lastModified,
        @Valid Origin origin,
        @Valid ActivityImage image,
        List<AccessibilityFeature> accessibility) {

    public Activity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(editionId, "editionId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(status, "status");
        partners = List.copyOf(partners == null ? List.of() : partners);
        people = List.copyOf(people == null ? List.of() : people);
        languages = List.copyOf(languages == null ? List.of() : languages);
        audiences = List.copyOf(audiences == null ? List.of() : audiences);
        themeTags = List.copyOf(themeTags == null ? List.of() : themeTags);
        links = List.copyOf(links == null ? List.of() : links);
        origin = origin == null ? Origin.PROGRAM_FILE : origin;
        accessibility = accessibility == null ? List.of() : List.copyOf(accessibility.stream().distinct().toList());
    }

    /**
     * An activity without a picture or accessibility information: the components it had before they existed, so that
     * code written then still compiles. Prefer {@link #builder(String)}.
     */
    public Activity(String id, String editionId, ActivityKind kind, LocalizedText title, LocalizedText description,
            Schedule schedule, Place place, Region region, List<Involvement> partners, List<Person> people,
            Registration registration, Admission admission, List<Locale> languages, List<Audience> audiences,
            List<String> themeTags, Status status, LocalDateTime previousStart, List<Link> links, int revision,
            Instant lastModified, Origin origin) {
        this(id, editionId, kind, title, description, schedule, place, region, partners, people, registration,
                admission, languages, audiences, themeTags, status, previousStart, links, revision, lastModified,
                origin, null, List.of());
    }

    /** Whether it offers every one of the features. */
    public boolean offers(Collection<AccessibilityFeature> features) {
        return accessibility.containsAll(features);
    }

    /** A builder for an activity with the given id; kind, title, edition and schedule must be set. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A builder that starts from this activity, to change a few parts. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** How people attend it, or empty when the place is not announced. */
    public Optional<AttendanceMode> attendanceMode() {
        return Optional.ofNullable(place).map(Place::attendanceMode);
    }

    /**
     * Where it is held now, as calendars and search engines should say: its place, except that an activity
     * {@link Status#MOVED_ONLINE moved online} is held at its place's online part only, even while the place still
     * names the hall it was to be in (an online place with no link when it has none); empty when not announced.
     */
    public Optional<Place> heldPlace() {
        if (status == Status.MOVED_ONLINE) {
            return Optional.of(place == null ? new Place.Online(null, null, null)
                    : place.onlinePart().orElseGet(() -> new Place.Online(null, null, null)));
        }
        return Optional.ofNullable(place);
    }

    /** Whether the program says admission is free. */
    public boolean isFree() {
        return admission != null && admission.isFree();
    }

    /** Whether the program says registration is required. */
    public boolean requiresRegistration() {
        return registration != null && registration.required();
    }

    /** The ids of the partners in a role, in program order. */
    public List<String> partnersIn(PartnerRole role) {
        return partners.stream().filter(i -> i.role() == role).map(Involvement::partnerId).toList();
    }

    /** The people in a role, in program order. */
    public List<Person> peopleIn(PersonRole role) {
        return people.stream().filter(p -> p.role() == role).toList();
    }

    /** Builds an {@link Activity} step by step; lists start empty and the status starts as scheduled. */
    public static final class Builder {
        private String id;
        private String editionId;
        private ActivityKind kind;
        private LocalizedText title;
        private LocalizedText description;
        private Schedule schedule;
        private Place place;
        private Region region;
        private final List<Involvement> partners = new ArrayList<>();
        private final List<Person> people = new ArrayList<>();
        private Registration registration;
        private Admission admission;
        private final List<Locale> languages = new ArrayList<>();
        private final List<Audience> audiences = new ArrayList<>();
        private final List<String> themeTags = new ArrayList<>();
        private Status status = Status.SCHEDULED;
        private LocalDateTime previousStart;
        private final List<Link> links = new ArrayList<>();
        private int revision;
        private Instant lastModified;
        private Origin origin = Origin.PROGRAM_FILE;
        private ActivityImage image;
        private final List<AccessibilityFeature> accessibility = new ArrayList<>();

        private Builder(String id) {
            this.id = id;
        }

        private Builder(Activity a) {
            this(a.id);
            editionId = a.editionId;
            kind = a.kind;
            title = a.title;
            description = a.description;
            schedule = a.schedule;
            place = a.place;
            region = a.region;
            partners.addAll(a.partners);
            people.addAll(a.people);
            registration = a.registration;
            admission = a.admission;
            languages.addAll(a.languages);
            audiences.addAll(a.audiences);
            themeTags.addAll(a.themeTags);
            status = a.status;
            previousStart = a.previousStart;
            links.addAll(a.links);
            revision = a.revision;
            lastModified = a.lastModified;
            origin = a.origin;
            image = a.image;
            accessibility.addAll(a.accessibility);
        }

        /** A picture of it. */
        public Builder image(ActivityImage value) {
            image = value;
            return this;
        }

        /** One more accessibility feature. */
        public Builder accessibility(AccessibilityFeature value) {
            accessibility.add(value);
            return this;
        }

        /** Its accessibility features, replacing those given so far. */
        public Builder accessibility(List<AccessibilityFeature> values) {
            accessibility.clear();
            accessibility.addAll(values);
            return this;
        }

        public Builder id(String value) {
            id = value;
            return this;
        }

        public Builder edition(String value) {
            editionId = value;
            return this;
        }

        public Builder kind(ActivityKind value) {
            kind = value;
            return this;
        }

        public Builder title(LocalizedText value) {
            title = value;
            return this;
        }

        public Builder description(LocalizedText value) {
            description = value;
            return this;
        }

        public Builder schedule(Schedule value) {
            schedule = value;
            return this;
        }

        public Builder place(Place value) {
            place = value;
            return this;
        }

        public Builder region(Region value) {
            region = value;
            return this;
        }

        public Builder partner(String partnerId, PartnerRole role) {
            partners.add(new Involvement(partnerId, role));
            return this;
        }

        public Builder partners(List<Involvement> values) {
            partners.clear();
            partners.addAll(values);
            return this;
        }

        public Builder person(Person value) {
            people.add(value);
            return this;
        }

        public Builder people(List<Person> values) {
            people.clear();
            people.addAll(values);
            return this;
        }

        public Builder registration(Registration value) {
            registration = value;
            return this;
        }

        public Builder admission(Admission value) {
            admission = value;
            return this;
        }

        public Builder language(Locale value) {
            languages.add(value);
            return this;
        }

        public Builder languages(List<Locale> values) {
            languages.clear();
            languages.addAll(values);
            return this;
        }

        public Builder audience(Audience value) {
            audiences.add(value);
            return this;
        }

        public Builder audiences(List<Audience> values) {
            audiences.clear();
            audiences.addAll(values);
            return this;
        }

        public Builder themeTag(String value) {
            themeTags.add(value);
            return this;
        }

        public Builder themeTags(List<String> values) {
            themeTags.clear();
            themeTags.addAll(values);
            return this;
        }

        public Builder status(Status value) {
            status = value;
            return this;
        }

        public Builder previousStart(LocalDateTime value) {
            previousStart = value;
            return this;
        }

        public Builder link(Link value) {
            links.add(value);
            return this;
        }

        public Builder links(List<Link> values) {
            links.clear();
            links.addAll(values);
            return this;
        }

        public Builder revision(int value) {
            revision = value;
            return this;
        }

        public Builder lastModified(Instant value) {
            lastModified = value;
            return this;
        }

        /** Where it comes from; the program file unless said ({@code null} is the program file too). */
        public Builder origin(Origin value) {
            origin = value;
            return this;
        }

        /** The activity; throws {@link NullPointerException} naming the first required part that is missing. */
        public Activity build() {
            return new Activity(id, editionId, kind, title, description, schedule, place, region, partners, people,
                    registration, admission, languages, audiences, themeTags, status, previousStart, links, revision,
                    lastModified, origin, image, accessibility);
        }
    }
}
