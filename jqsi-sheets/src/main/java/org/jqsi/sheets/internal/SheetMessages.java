package org.jqsi.sheets.internal;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;

/**
 * The texts of jqsi-sheets, in French and English, from the bundle {@code org.jqsi.sheets.internal.SheetMessages}
 * (UTF-8 {@code .properties}; arguments in {@link MessageFormat} patterns). Loaded through this module so that they
 * are found on the module path as well as on the class path.
 */
public final class SheetMessages {

    private static final String BUNDLE = "org.jqsi.sheets.internal.SheetMessages";

    private SheetMessages() {
    }

    /** A text in both languages, with its arguments put in (pass numbers as strings: no digit grouping). */
    public static LocalizedText text(String key, Object... args) {
        return LocalizedText.of(format(Language.FR, key, args), format(Language.EN, key, args));
    }

    /** A text in one language. */
    public static String format(Language language, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language.locale(), SheetMessages.class.getModule());
        return new MessageFormat(bundle.getString(key), language.locale()).format(args);
    }
}
