package org.jqsi.core.model;

/**
 * What an activity offers people with a disability, as its organisers say, in the program format's codes
 * ({@code wheelchair}, {@code sign-language}...). Each maps to an existing vocabulary (see
 * {@code jqsi-json/docs/program-format.md}): schema.org's {@code accessibilityFeature} values (W3C's accessibility
 * vocabulary) for what is in the activity itself, schema.org's {@code amenityFeature} of the place for what is in the
 * building, and OpenAgenda's accessibility codes for both.
 */
public enum AccessibilityFeature {
    /** The place can be reached and used in a wheelchair (step-free entrance, seats). OpenAgenda {@code mi}. */
    WHEELCHAIR,
    /** Toilets usable in a wheelchair. OpenAgenda {@code mi}. */
    ACCESSIBLE_TOILETS,
    /** Interpreted in a sign language: LSQ (langue des signes québécoise) or ASL. OpenAgenda {@code hi}. */
    SIGN_LANGUAGE,
    /** Captions on screen (a film, a live stream). OpenAgenda {@code hi}. */
    CAPTIONS,
    /** Audio description of what is shown. OpenAgenda {@code vi}. */
    AUDIO_DESCRIPTION,
    /** A quiet room to step away to. OpenAgenda {@code pi}. */
    QUIET_SPACE,
    /** A hearing loop (induction loop) for hearing aids. OpenAgenda {@code hi}. */
    HEARING_LOOP
}
