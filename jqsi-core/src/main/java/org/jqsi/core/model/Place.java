package org.jqsi.core.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** Where an activity happens: at a venue, online, or both. */
public sealed interface Place permits Place.Venue, Place.Online, Place.Hybrid {

    /** How people attend an activity held here. */
    AttendanceMode attendanceMode();

    /** The venue, when people can come in person. */
    Optional<Venue> venuePart();

    /** The online part, when people can follow from home. */
    Optional<Online> onlinePart();

    /**
     * A place people come to.
     *
     * @param name the venue's name ("Salle Anaïs-Allard-Rousseau")
     * @param address its address
     * @param geo its coordinates, or {@code null}
     */
    record Venue(@NotBlank @Size(max = 200) String name, @Valid Address address, @Valid Geo geo) implements Place {

        public Venue {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(address, "address");
        }

        @Override
        public AttendanceMode attendanceMode() {
            return AttendanceMode.IN_PERSON;
        }

        @Override
        public Optional<Venue> venuePart() {
            return Optional.of(this);
        }

        @Override
        public Optional<Online> onlinePart() {
            return Optional.empty();
        }
    }

    /**
     * An online broadcast or meeting. Every part is optional because programs often announce "online, on AQOCI's
     * Facebook page" before the link exists; the validator warns when the URL is missing.
     *
     * @param url where to join or watch, or {@code null}
     * @param platform what kind of site it is on, or {@code null}
     * @param hostPartnerId the partner whose page or site carries it, or {@code null}
     */
    record Online(@WebUrl URI url, OnlinePlatform platform, String hostPartnerId) implements Place {

        @Override
        public AttendanceMode attendanceMode() {
            return AttendanceMode.ONLINE;
        }

        @Override
        public Optional<Venue> venuePart() {
            return Optional.empty();
        }

        @Override
        public Optional<Online> onlinePart() {
            return Optional.of(this);
        }

        /** The link, if known. */
        public Optional<URI> link() {
            return Optional.ofNullable(url);
        }
    }

    /**
     * At a venue and online at once.
     *
     * @param venue where people come
     * @param online where people follow from home
     */
    record Hybrid(@Valid Venue venue, @Valid Online online) implements Place {

        public Hybrid {
            Objects.requireNonNull(venue, "venue");
            Objects.requireNonNull(online, "online");
        }

        @Override
        public AttendanceMode attendanceMode() {
            return AttendanceMode.MIXED;
        }

        @Override
        public Optional<Venue> venuePart() {
            return Optional.of(venue);
        }

        @Override
        public Optional<Online> onlinePart() {
            return Optional.of(online);
        }
    }
}
