package org.jqsi.core.account;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jqsi.core.model.Region;
import org.jqsi.core.submission.Submission;

/**
 * Someone who may log in to review submissions.
 *
 * @param email their address, which they log in with: stripped and lower-cased, so that {@code Marie@CS3R.org} and
 *     {@code marie@cs3r.org} are one account (mail servers treat the local part as case-sensitive in theory, never in
 *     practice, and two accounts told apart by case only would be a trap)
 * @param role what they may review
 * @param regions for a coordinator, the regions whose submissions they review (one or more); for an administrator,
 *     none
 * @param disabled whether they may no longer log in nor act; a disabled account is kept, for the history names it
 * @param created when it was added (UTC instant)
 */
public record Account(String email, Role role, Set<Region> regions, boolean disabled, Instant created) {

    /** The longest address SMTP carries (RFC 5321, 4.5.3.1.3). */
    public static final int MAX_EMAIL_LENGTH = 254;

    /**
     * @throws IllegalArgumentException when the address is blank, too long or has no {@code @} between two non-empty
     *     parts, when a coordinator has no region, or when an administrator has some
     */
    public Account {
        email = normalizeEmail(email);
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(created, "created");
        regions = regions == null || regions.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(regions));
        if (role == Role.COORDINATOR && regions.isEmpty()) {
            throw new IllegalArgumentException("regions: a coordinator coordinates at least one region");
        }
        if (role == Role.ADMINISTRATOR && !regions.isEmpty()) {
            throw new IllegalArgumentException("regions: an administrator reviews every region, and is given none");
        }
    }

    /** A coordinator of these regions, enabled. */
    public static Account coordinator(String email, Set<Region> regions, Instant created) {
        return new Account(email, Role.COORDINATOR, regions, false, created);
    }

    /** An administrator, enabled. */
    public static Account administrator(String email, Instant created) {
        return new Account(email, Role.ADMINISTRATOR, Set.of(), false, created);
    }

    /**
     * Whether this account may review (approve, request changes to, refuse) the submission: an administrator every
     * one; a coordinator those of their regions, and not a province-wide one (no region), which only administrators
     * review; a disabled account none. The rule of issue #20; the review pages check it on every request.
     */
    public boolean mayReview(Submission submission) {
        Objects.requireNonNull(submission, "submission");
        if (disabled) {
            return false;
        }
        if (role == Role.ADMINISTRATOR) {
            return true;
        }
        Region region = submission.region();
        return region != null && regions.contains(region);
    }

    /** The same account, disabled. */
    public Account disable() {
        return new Account(email, role, regions, true, created);
    }

    /**
     * An address as accounts keep it: stripped, lower-cased (root locale).
     *
     * @throws IllegalArgumentException when it is blank, longer than {@value #MAX_EMAIL_LENGTH} characters, or not
     *     {@code local@domain}
     */
    public static String normalizeEmail(String email) {
        Objects.requireNonNull(email, "email");
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        int at = normalized.lastIndexOf('@');
        if (normalized.length() > MAX_EMAIL_LENGTH || at < 1 || at == normalized.length() - 1
                || normalized.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("email: not an address: " + email);
        }
        return normalized;
    }
}
