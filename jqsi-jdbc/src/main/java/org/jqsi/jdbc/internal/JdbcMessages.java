package org.jqsi.jdbc.internal;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;

/**
 * jqsi-jdbc's messages ({@code JdbcMessages*.properties} beside this class: French, and English as the base), loaded
 * through this module so that they are found on the module path as well as on the class path.
 */
public final class JdbcMessages {

    private static final String BUNDLE = "org.jqsi.jdbc.internal.JdbcMessages";

    private JdbcMessages() {
    }

    /**
     * A message in French and English, with its arguments put in. An argument that is a {@link LocalizedText} is put
     * in the message's own language; give numbers as text, as {@link MessageFormat} would group their digits.
     */
    public static LocalizedText text(String key, Object... args) {
        return LocalizedText.of(format(Language.FR, key, args), format(Language.EN, key, args));
    }

    private static String format(Language language, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language.locale(), JdbcMessages.class.getModule());
        Object[] inLanguage = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            inLanguage[i] = args[i] instanceof LocalizedText text ? text.in(language) : args[i];
        }
        return new MessageFormat(bundle.getString(key), language.locale()).format(inLanguage);
    }
}
