package org.jqsi.web.submit.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Audience;
import org.jqsi.core.model.OnlinePlatform;
import org.jqsi.core.model.PartnerRole;
import org.jqsi.core.model.PersonRole;
import org.jqsi.web.submit.internal.FormField.Kind;

/**
 * The submission form's fields, in the form's order: the one table from which the form is shown, read
 * ({@link FormValues}), written as the submission's JSON ({@link FormSubmission}), filled again from a submission
 * kept, and from which each problem the validator finds at a JSON path ({@code activity.schedule.start}) is placed
 * beside its field.
 *
 * <p>Partners and people are a few repeated rows ({@code partners.0.partnerId} for
 * {@code activity.partners[0].partnerId}), so that the form needs no script to add one.
 */
final class FormFields {

    /** The rows of partners and of people a new form offers. */
    static final int ROWS = 3;

    /** The most rows read from a post: more are ignored, as fields the form never had. */
    static final int MAX_ROWS = 30;

    static final String G_ACTIVITY = "form.group.activity";
    static final String G_WHEN = "form.group.when";
    static final String G_WHERE = "form.group.where";
    static final String G_PARTNER = "form.group.partner";
    static final String G_PERSON = "form.group.person";
    static final String G_REGISTRATION = "form.group.registration";
    static final String G_AUDIENCE = "form.group.audience";
    static final String G_SUBMITTER = "form.group.submitter";

    private final int partnerRows;
    private final int personRows;
    private final List<FormField> fields;
    private final Map<String, FormField> byName = new LinkedHashMap<>();
    private final Map<String, FormField> byPath = new HashMap<>();

    private FormFields(int partnerRows, int personRows) {
        this.partnerRows = partnerRows;
        this.personRows = personRows;
        this.fields = table(partnerRows, personRows);
        for (FormField field : fields) {
            byName.put(field.name(), field);
            for (String path : field.paths()) {
                if (byPath.putIfAbsent(path, field) != null) {
                    throw new IllegalStateException(path + ": stands for two fields");
                }
            }
        }
    }

    /** The form with {@link #ROWS} rows of partners and of people. */
    static FormFields standard() {
        return rows(ROWS, ROWS);
    }

    /** The form with the given rows of partners and people, from {@link #ROWS} to {@link #MAX_ROWS}. */
    static FormFields rows(int partners, int people) {
        return new FormFields(Math.max(ROWS, Math.min(MAX_ROWS, partners)),
                Math.max(ROWS, Math.min(MAX_ROWS, people)));
    }

    int partnerRows() {
        return partnerRows;
    }

    int personRows() {
        return personRows;
    }

    /** Every field, in the form's order. */
    List<FormField> all() {
        return fields;
    }

    FormField named(String name) {
        FormField field = byName.get(name);
        if (field == null) {
            throw new IllegalArgumentException("no field " + name);
        }
        return field;
    }

    /**
     * The field a problem at this JSON path is shown beside: the field of the path, else of the nearest path above
     * it that has one ({@code activity.languages[2]} is the languages' field); nothing when no field stands for it
     * (the problem is then shown in the summary only).
     */
    Optional<FormField> at(String path) {
        String p = path;
        while (!p.isEmpty()) {
            FormField field = byPath.get(p);
            if (field != null) {
                return Optional.of(field);
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return Optional.empty();
    }

    private static List<FormField> table(int partnerRows, int personRows) {
        List<FormField> t = new ArrayList<>();
        FormOptions none = FormOptions.NONE;
        // What: the edition, kind, titles and descriptions.
        t.add(new FormField("editionId", G_ACTIVITY, Kind.SELECT, "form.editionId", null, true,
                FormOptions::editions, List.of("activity.editionId")));
        t.add(new FormField("kind", G_ACTIVITY, Kind.SELECT, "form.kind", null, true,
                FormOptions.enumCodes("form.kind.", ActivityKind.class), List.of("activity.kind")));
        t.add(new FormField("title.fr", G_ACTIVITY, Kind.TEXT, "form.title.fr", null, true, none,
                // The id is made from the French title: a problem with it is the title's.
                List.of("activity.title.fr", "activity.title", "activity.id")));
        t.add(new FormField("title.en", G_ACTIVITY, Kind.TEXT, "form.title.en", null, false, none,
                List.of("activity.title.en")));
        t.add(new FormField("description.fr", G_ACTIVITY, Kind.TEXTAREA, "form.description.fr", null, false, none,
                List.of("activity.description.fr", "activity.description")));
        t.add(new FormField("description.en", G_ACTIVITY, Kind.TEXTAREA, "form.description.en", null, false, none,
                List.of("activity.description.en")));
        // When: a time, a window of days, or to be announced, in a time zone.
        t.add(new FormField("schedule.type", G_WHEN, Kind.RADIO, "form.schedule.type", null, true,
                FormOptions.codes("form.schedule.", List.of("timed", "window", "tba")),
                List.of("activity.schedule.type", "activity.schedule")));
        t.add(new FormField("schedule.start", G_WHEN, Kind.DATETIME, "form.schedule.start", "form.hint.timed", false,
                none, List.of("activity.schedule.start")));
        t.add(new FormField("schedule.end", G_WHEN, Kind.DATETIME, "form.schedule.end", "form.hint.timed", false,
                none, List.of("activity.schedule.end")));
        t.add(new FormField("schedule.first", G_WHEN, Kind.DATE, "form.schedule.first", "form.hint.window", false,
                none, List.of("activity.schedule.first")));
        t.add(new FormField("schedule.last", G_WHEN, Kind.DATE, "form.schedule.last", "form.hint.window", false,
                none, List.of("activity.schedule.last")));
        t.add(new FormField("schedule.zone", G_WHEN, Kind.SELECT, "form.schedule.zone", "form.hint.zone", false,
                FormOptions::zones, List.of("activity.schedule.zone")));
        // Where: a venue, online, or both (a hybrid place writes each part inside "venue" and "online").
        t.add(new FormField("place.type", G_WHERE, Kind.RADIO, "form.place.type", null, false,
                FormOptions.codes("form.place.", List.of("none", "venue", "online", "hybrid")),
                List.of("activity.place.type", "activity.place")));
        t.add(new FormField("venue.name", G_WHERE, Kind.TEXT, "form.venue.name", "form.hint.venue", false, none,
                List.of("activity.place.name", "activity.place.venue.name", "activity.place.venue")));
        t.add(new FormField("venue.street", G_WHERE, Kind.TEXT, "form.venue.street", null, false, none,
                List.of("activity.place.address.street", "activity.place.venue.address.street")));
        t.add(new FormField("venue.municipality", G_WHERE, Kind.TEXT, "form.venue.municipality", "form.hint.venue",
                false, none, List.of("activity.place.address.municipality", "activity.place.address",
                        "activity.place.venue.address.municipality", "activity.place.venue.address")));
        t.add(new FormField("venue.postalCode", G_WHERE, Kind.TEXT, "form.venue.postalCode", null, false, none,
                List.of("activity.place.address.postalCode", "activity.place.venue.address.postalCode")));
        t.add(new FormField("online.url", G_WHERE, Kind.URL, "form.online.url", "form.hint.online", false, none,
                List.of("activity.place.url", "activity.place.online.url", "activity.place.online")));
        t.add(new FormField("online.platform", G_WHERE, Kind.SELECT, "form.online.platform", "form.hint.online",
                false, FormOptions.enumCodes("form.platform.", OnlinePlatform.class),
                List.of("activity.place.platform", "activity.place.online.platform")));
        t.add(new FormField("region", G_WHERE, Kind.SELECT, "form.region", "form.hint.region", false,
                FormOptions::regions, List.of("activity.region")));
        // Who: partners and people with their roles, a few rows each.
        for (int i = 0; i < partnerRows; i++) {
            String row = "activity.partners[" + i + "]";
            t.add(new FormField("partners." + i + ".partnerId", G_PARTNER, Kind.SELECT, "form.partner.id", null,
                    false, FormOptions::partners, List.of(row + ".partnerId", row)));
            t.add(new FormField("partners." + i + ".role", G_PARTNER, Kind.SELECT, "form.partner.role", null, false,
                    FormOptions.enumCodes("form.partnerRole.", PartnerRole.class), List.of(row + ".role")));
        }
        for (int i = 0; i < personRows; i++) {
            String row = "activity.people[" + i + "]";
            t.add(new FormField("people." + i + ".name", G_PERSON, Kind.TEXT, "form.person.name", null, false, none,
                    List.of(row + ".name", row)));
            t.add(new FormField("people." + i + ".role", G_PERSON, Kind.SELECT, "form.person.role", null, false,
                    FormOptions.enumCodes("form.personRole.", PersonRole.class), List.of(row + ".role")));
        }
        // Registration and admission.
        t.add(new FormField("registration.required", G_REGISTRATION, Kind.CHECKBOX, "form.registration.required",
                null, false, none, List.of("activity.registration.required", "activity.registration")));
        t.add(new FormField("registration.url", G_REGISTRATION, Kind.URL, "form.registration.url", null, false, none,
                List.of("activity.registration.url")));
        t.add(new FormField("admission", G_REGISTRATION, Kind.RADIO, "form.admission", null, false,
                FormOptions.codes("form.admission.", List.of("unsaid", "free", "paid")),
                List.of("activity.admission")));
        t.add(new FormField("price.amount", G_REGISTRATION, Kind.DECIMAL, "form.price.amount", "form.hint.price",
                false, none, List.of("activity.admission.prices[0].amount", "activity.admission.prices[0]",
                        "activity.admission.prices")));
        t.add(new FormField("price.label", G_REGISTRATION, Kind.TEXT, "form.price.label", null, false, none,
                List.of("activity.admission.prices[0].label.fr", "activity.admission.prices[0].label")));
        // For whom, in which languages.
        t.add(new FormField("languages", G_AUDIENCE, Kind.CHECKBOXES, "form.languages", null, false,
                FormOptions.codes("form.language.", List.of("fr", "en")), List.of("activity.languages")));
        t.add(new FormField("audiences", G_AUDIENCE, Kind.CHECKBOXES, "form.audiences", null, false,
                FormOptions.enumCodes("form.audience.", Audience.class), List.of("activity.audiences")));
        // Who submits: for the reviewers only, never published.
        t.add(new FormField("submitter.organisation", G_SUBMITTER, Kind.TEXT, "form.submitter.organisation", null,
                true, none, List.of("submitter.organisation", "submitter")));
        t.add(new FormField("submitter.email", G_SUBMITTER, Kind.EMAIL, "form.submitter.email",
                "form.hint.email", true, none, List.of("submitter.email")));
        return List.copyOf(t);
    }
}
