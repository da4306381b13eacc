package org.jqsi.web.internal;

import gg.jte.Content;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jqsi.core.model.AccessibilityFeature;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.AttendanceMode;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.Program;
import org.jqsi.json.internal.EnumSpelling;

/**
 * The filter form's choices rendered once, each in both states: every {@code <option>} of its lists and every
 * accessibility check box, by language, and the editions' options by program. A list page then writes the bytes of
 * the choices it shows, chosen or not, instead of building each choice's label and having jte escape its value and
 * label again: the form is the same ~50 choices on every page, and a fresh page (a new filter combination, a
 * crawler) spent about a tenth of its time on them (issue 23).
 *
 * <p>The bytes are jte's own, {@code tag/option.jte} and {@code tag/check.jte} rendering the choice, so a page is the
 * same as with the choices rendered in place. What is kept is bounded: two languages times the constants of a few
 * enums, and the editions of the last program asked for (a new program, a reload, renders them again).
 */
final class RenderedChoices {

    /** A choice rendered in both states. */
    static final class Choice {
        private final String value;
        private final Content unselected;
        private final Content selected;

        Choice(String value, byte[] unselected, byte[] selected) {
            this.value = value;
            this.unselected = output -> output.writeBinaryContent(unselected);
            this.selected = output -> output.writeBinaryContent(selected);
        }

        /** Its value, as a request spells it ({@code 04}, {@code conference}). */
        String value() {
            return value;
        }

        /** As a page shows it. */
        Content shown(boolean chosen) {
            return chosen ? selected : unselected;
        }
    }

    /**
     * The choices that do not depend on the program, in one language: each list's "all" first, then one per
     * constant, in the constants' order.
     */
    record Menus(Choice allRegions, Map<Region, Choice> regions, Choice allKinds, Map<ActivityKind, Choice> kinds,
            Choice allModes, Map<AttendanceMode, Choice> modes, Choice allLanguages, Map<Language, Choice> languages,
            Map<AccessibilityFeature, Choice> accessibility) {
    }

    /** The editions' options of one program, by language ordinal: "all editions" first, then the program's order. */
    private record Editions(Program program, AtomicReferenceArray<List<Choice>> byLanguage) {
    }

    private final Templates templates;
    private final boolean keep;
    /** By language ordinal; two requests rendering the same language at once keep the first one's. */
    private final AtomicReferenceArray<Menus> menus = new AtomicReferenceArray<>(Language.values().length);
    private volatile Editions editions;

    /**
     * @param keep whether to keep what is rendered; without, every page renders its choices again (what the tests
     *     compare with)
     */
    RenderedChoices(Templates templates, boolean keep) {
        this.templates = templates;
        this.keep = keep;
    }

    /** The choices in a language that do not depend on the program. */
    Menus menus(Language language) {
        if (!keep) {
            return render(language);
        }
        Menus kept = menus.get(language.ordinal());
        if (kept == null) {
            menus.compareAndSet(language.ordinal(), null, render(language));
            kept = menus.get(language.ordinal());
        }
        return kept;
    }

    /** The editions' options of a program in a language: "all editions" first, then the program's editions. */
    List<Choice> editions(Program program, Language language) {
        if (!keep) {
            return renderEditions(program, language);
        }
        Editions kept = editions;
        if (kept == null || kept.program() != program) {
            // Another program (a reload): the last one's editions are dropped.
            kept = new Editions(program, new AtomicReferenceArray<>(Language.values().length));
            editions = kept;
        }
        List<Choice> choices = kept.byLanguage().get(language.ordinal());
        if (choices == null) {
            kept.byLanguage().compareAndSet(language.ordinal(), null, renderEditions(program, language));
            choices = kept.byLanguage().get(language.ordinal());
        }
        return choices;
    }

    private List<Choice> renderEditions(Program program, Language language) {
        Messages t = Messages.of(language);
        List<Choice> choices = new ArrayList<>();
        choices.add(option(RequestParameters.ALL_EDITIONS, t.text("filter.edition.all")));
        for (Edition edition : program.editions()) {
            choices.add(option(edition.id(), WidgetViews.editionName(edition, t)));
        }
        return List.copyOf(choices);
    }

    private Menus render(Language language) {
        Messages t = Messages.of(language);
        Map<Region, Choice> regions = new EnumMap<>(Region.class);
        for (Region region : Region.values()) {
            regions.put(region, option(region.code(), region.displayName().in(language)));
        }
        Map<ActivityKind, Choice> kinds = new EnumMap<>(ActivityKind.class);
        for (ActivityKind kind : ActivityKind.values()) {
            kinds.put(kind, option(EnumSpelling.of(kind), t.text("kind." + kind.name())));
        }
        Map<AttendanceMode, Choice> modes = new EnumMap<>(AttendanceMode.class);
        for (AttendanceMode mode : AttendanceMode.values()) {
            modes.put(mode, option(EnumSpelling.of(mode), t.text("mode." + mode.name())));
        }
        Map<Language, Choice> languages = new EnumMap<>(Language.class);
        for (Language l : Language.values()) {
            languages.put(l, option(l.code(), t.text("filter.language." + l.code())));
        }
        Map<AccessibilityFeature, Choice> accessibility = new EnumMap<>(AccessibilityFeature.class);
        for (AccessibilityFeature feature : AccessibilityFeature.values()) {
            String code = EnumSpelling.of(feature);
            FilterForm.Option on = new FilterForm.Option(code, t.text("accessibility." + feature.name()), true);
            FilterForm.Option off = new FilterForm.Option(code, on.label(), false);
            accessibility.put(feature, new Choice(code, templates.check(off), templates.check(on)));
        }
        return new Menus(option("", t.text("filter.region.all")), regions, option("", t.text("filter.kind.all")),
                kinds, option("", t.text("filter.mode.all")), modes, option("", t.text("filter.language.all")),
                languages, accessibility);
    }

    private Choice option(String value, String label) {
        return new Choice(value, templates.option(new FilterForm.Option(value, label, false)),
                templates.option(new FilterForm.Option(value, label, true)));
    }
}
