package org.jqsi.core.account;

import java.util.Locale;
import java.util.Optional;
import org.jqsi.core.internal.JqsiMessageBundles;
import org.jqsi.core.model.LocalizedText;

/** What an account may review (#20). */
public enum Role {
    /** Reviews the submissions of its regions, and only those. */
    COORDINATOR,
    /** Reviews every submission, province-wide ones included. */
    ADMINISTRATOR;

    /** As the command line and the database write it: {@code coordinator}, {@code administrator}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role of a code, {@link #code()}'s inverse, ignoring case and surrounding spaces. */
    public static Optional<Role> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        for (Role role : values()) {
            if (role.code().equals(wanted)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** Its name for people, in French and English: {@code coordination régionale}, {@code regional coordinator}. */
    public LocalizedText displayName() {
        return JqsiMessageBundles.text("account.role." + code());
    }
}
