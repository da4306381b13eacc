package org.jqsi.core.program;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Involvement;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Partner;
import org.jqsi.core.model.Person;

/**
 * The words of one activity that a text query looks in, by language, as {@link TextSearch} receives them.
 *
 * <p>{@link Program} makes one for each activity ({@link #of}): the French title and description in {@code french}, the English
 * ones in {@code english} (empty when the activity has no English text), and in {@code names} what reads the same in
 * both languages: the people's names, the partners' names and acronyms, the venue, its municipality and the region.
 *
 * @param french the French title, then the description, separated by line breaks; never {@code null}
 * @param english the English title and description, or the empty string when there is none
 * @param names names of people, partners, venue, municipality and region, one per line, or the empty string
 */
public record ActivityText(String french, String english, String names) {

    public ActivityText {
        Objects.requireNonNull(french, "french");
        english = english == null ? "" : english;
        names = names == null ? "" : names;
    }

    /**
     * The text of an activity, as a program gives it to its search.
     *
     * @param activity the activity
     * @param partners the program's partners by id ({@link Program#partner}); an unknown id adds nothing
     */
    public static ActivityText of(Activity activity, Function<String, Optional<Partner>> partners) {
        StringBuilder french = new StringBuilder(256).append(activity.title().fr());
        StringBuilder english = new StringBuilder(activity.title().english().orElse(""));
        if (activity.description() != null) {
            french.append('\n').append(activity.description().fr());
            activity.description().english().ifPresent(en -> english.append('\n').append(en));
        }
        StringBuilder names = new StringBuilder(128);
        for (Person person : activity.people()) {
            names.append(person.name()).append('\n');
        }
        for (Involvement involvement : activity.partners()) {
            partners.apply(involvement.partnerId()).ifPresent(partner -> names.append(partner.name().fr())
                    .append('\n').append(partner.shortName(Language.FR)).append('\n'));
        }
        if (activity.place() != null) {
            activity.place().venuePart().ifPresent(v -> names.append(v.name()).append('\n')
                    .append(v.address().municipality()).append('\n'));
        }
        if (activity.region() != null) {
            names.append(activity.region().displayName().fr());
        }
        return new ActivityText(french.toString(), english.toString(), names.toString());
    }
}
