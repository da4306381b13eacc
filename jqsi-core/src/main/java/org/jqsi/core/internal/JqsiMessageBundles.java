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
 */
public final class JqsiMessageBundles {

    private static final String RULES = "org.jqsi.core.internal.RuleMessages";
    private static final String CONSTRAINTS = "org.jqsi.core.internal.ConstraintMessages";

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
        return LocalizedText.of(format(Language.FR, key, args), format(Language.EN, key, args));
    }

    private static String format(Language language, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(RULES, language.locale(), JqsiMessageBundles.class.getModule());
        return new MessageFormat(bundle.getString(key), language.locale()).format(args);
    }
}
