package org.jqsi.web.submit.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Partner;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.Program;

/** What a select, a radio group or a set of checkboxes of the form offers, in the page's language. */
@FunctionalInterface
interface FormOptions {

    /** One choice: the value posted, and its words. */
    record Option(String value, String label) {
    }

    /** Nothing to choose from: a field typed in. */
    FormOptions NONE = (program, t) -> List.of();

    /**
     * The time zones offered: Eastern time (most of Quebec), the Magdalen Islands' Atlantic time, the Lower North
     * Shore's, and those of Canada's other provinces and of the francophone partners abroad, for online activities.
     */
    List<String> ZONES = List.of("America/Toronto", "America/Halifax", "America/Blanc-Sablon", "America/St_Johns",
            "America/Winnipeg", "America/Edmonton", "America/Vancouver", "Europe/Paris", "Africa/Dakar",
            "America/Port-au-Prince", "UTC");

    List<Option> of(Program program, SubmitMessages t);

    /** The codes given, each labelled by {@code prefix + code}. */
    static FormOptions codes(String prefix, List<String> codes) {
        return (program, t) -> codes.stream().map(code -> new Option(code, t.t(prefix + code))).toList();
    }

    /** An enum's values as the program file writes them ({@code co-organizer}), labelled by {@code prefix + code}. */
    static FormOptions enumCodes(String prefix, Class<? extends Enum<?>> type) {
        List<String> codes = new ArrayList<>();
        for (Enum<?> value : type.getEnumConstants()) {
            codes.add(code(value));
        }
        return codes(prefix, codes);
    }

    /** An enum value as the program file writes it. */
    static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The program's editions, the latest first. */
    static List<Option> editions(Program program, SubmitMessages t) {
        return program.editions().stream().sorted(Comparator.comparing(Edition::start).reversed())
                .map(e -> new Option(e.id(), t.t("form.edition.option", e.year(), e.id()))).toList();
    }

    /** Quebec's regions, by code. */
    static List<Option> regions(Program program, SubmitMessages t) {
        List<Option> options = new ArrayList<>();
        for (Region region : Region.values()) {
            options.add(new Option(region.code(),
                    t.t("form.region.option", region.code(), region.displayName().in(t.language()))));
        }
        return options;
    }

    /** The program's partners, by name. */
    static List<Option> partners(Program program, SubmitMessages t) {
        return program.partners().stream()
                .sorted(Comparator.comparing((Partner p) -> p.name().in(t.language()), String.CASE_INSENSITIVE_ORDER))
                .map(p -> new Option(p.id(), p.acronym() == null || p.acronym().isBlank() ? p.name().in(t.language())
                        : t.t("form.partner.option", p.name().in(t.language()), p.acronym())))
                .toList();
    }

    /** {@link #ZONES}, by their ids. */
    static List<Option> zones(Program program, SubmitMessages t) {
        return ZONES.stream().map(zone -> new Option(zone, zone.replace('_', ' '))).toList();
    }
}
