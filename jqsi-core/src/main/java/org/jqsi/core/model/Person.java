package org.jqsi.core.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Objects;

/**
 * A person taking part in an activity or an edition, in one role.
 *
 * @param name the person's name as they use it in public ("La Bronze")
 * @param role what they do
 * @param description who they are, when the program says ("activist for peace in Syria"), or {@code null}
 */
public record Person(@NotBlank @Size(max = 200) String name, PersonRole role, @Valid LocalizedText description) {

    public Person {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    /** A person with a role and nothing more said of them. */
    public static Person of(String name, PersonRole role) {
        return new Person(name, role, null);
    }
}
