package org.jqsi.ical.internal;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;

/**
 * jqsi-ical's texts for people, in French and English, from the bundle
 * {@code org/jqsi/ical/internal/messages*.properties} (loaded through this module, so that it is found on the module
 * path as on the class path).
 */
public final class IcalMessages {

    private static final String BUNDLE = "org.jqsi.ical.internal.messages";

    private IcalMessages() {
    }

    /**
     * A text in French and English, with its arguments put in; an argument that is a {@link LocalizedText} is put in
     * the language of each text.
     */
    public static LocalizedText text(String key, Object... args) {
        return LocalizedText.of(message(Language.FR, key, args), message(Language.EN, key, args));
    }

    /** A text in a language, with its arguments put in. */
    public static String message(Language language, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language.locale(), IcalMessages.class.getModule());
        Object[] values = args.clone();
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof LocalizedText text) {
                values[i] = text.in(language);
            }
        }
        return new MessageFormat(bundle.getString(key), language.locale()).format(values);
    }
}
