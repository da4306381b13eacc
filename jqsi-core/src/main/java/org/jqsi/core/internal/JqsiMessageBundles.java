package org.jqsi.core.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;

/**
 * jqsi-core's message bundles. They are loaded through this module so that they are found on the module path as well
 * as on the class path.
 *
 * <ul>
 *   <li>{@code RuleMessages}: the messages of the validation rules, by rule code;
 *   <li>{@code ConstraintMessages}: those of jqsi's own constraint annotations, for Hibernate Validator;
 *   <li>{@code messages}: the core's other texts (how a problem and its place are said, failures in words).
 * </ul>
 */
public final class JqsiMessageBundles {

    private static final String RULES = "org.jqsi.core.internal.RuleMessages";
    private static final String CONSTRAINTS = "org.jqsi.core.internal.ConstraintMessages";
    private static final String MESSAGES = "org.jqsi.core.internal.messages";

    private JqsiMessageBundles() {
    }

    /** The messages of jqsi's own constraints, for Hibernate Validator; {@code null} when there are none. */
    public static ResourceBundle constraintMessages(Locale locale) {
        try {
            return ResourceBundle.getBundle(CONSTRAINTS, locale, JqsiMessageBundles.class.getModule());
        } catch (MissingResourceException e) {
            return null;
        }
    }

    /** A rule's message in French and English, with its arguments put in. */
    public static LocalizedText rule(String key, Object... args) {
        return LocalizedText.of(format(RULES, Language.FR, key, args), format(RULES, Language.EN, key, args));
    }

    /**
     * One of the core's other texts in French and English, with its arguments put in; an argument that is a
     * {@link LocalizedText} is put in the language of each text.
     */
    public static LocalizedText text(String key, Object... args) {
        return LocalizedText.of(message(Language.FR, key, args), message(Language.EN, key, args));
    }

    /** One of the core's other texts in a language, with its arguments put in. */
    public static String message(Language language, String key, Object... args) {
        return format(MESSAGES, language, key, args);
    }

    private static String format(String name, Language language, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(name, language.locale(), JqsiMessageBundles.class.getModule());
        Object[] values = args.clone();
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof LocalizedText text) {
                values[i] = text.in(language);
            }
        }
        return new MessageFormat(bundle.getString(key), language.locale()).format(values);
    }
}
