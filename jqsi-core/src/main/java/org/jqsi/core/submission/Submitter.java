package org.jqsi.core.submission;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Objects;

/**
 * Who proposed a submission: an organisation and the address where it can be reached. The address is for the
 * reviewers only and is never published.
 *
 * @param organisation the organisation's name as the submitter writes it ({@code Comité de solidarité/Trois-Rivières}),
 *     at most {@value #MAX_ORGANISATION} characters
 * @param email a contact address, at most {@value #MAX_EMAIL} characters (RFC 5321 §4.5.3.1.3's path limit)
 */
public record Submitter(@NotBlank @Size(max = MAX_ORGANISATION) String organisation,
        @NotBlank @Email @Size(max = MAX_EMAIL) String email) {

    /** The longest organisation name kept. */
    public static final int MAX_ORGANISATION = 200;

    /** The longest address: RFC 5321's limit on a path, less its angle brackets. */
    public static final int MAX_EMAIL = 254;

    public Submitter {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(email, "email");
    }
}
