package org.jqsi.core.model;

import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Whether and how to register for an activity.
 *
 * @param required whether people must register to attend
 * @param url where to register, or {@code null}
 * @param contact an e-mail address or phone number to register with, or {@code null}
 * @param deadline the last day to register (in the activity's zone), or {@code null}
 */
public record Registration(boolean required, @WebUrl URI url, @Size(max = 200) String contact, LocalDate deadline) {

    /** Registration is required, at the given address ({@code null} while the program does not say where). */
    public static Registration requiredAt(URI url) {
        return new Registration(true, url, null, null);
    }

    /** No registration needed. */
    public static Registration notRequired() {
        return new Registration(false, null, null, null);
    }

    /** The registration link, if known. */
    public Optional<URI> link() {
        return Optional.ofNullable(url);
    }
}
