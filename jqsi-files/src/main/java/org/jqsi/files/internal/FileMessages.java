package org.jqsi.files.internal;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;

/**
 * What jqsi-files says, from the bundles {@code FileMessages_fr} and {@code FileMessages_en} beside this class
 * (loaded through this module, so that they are found on the module path as well as on the class path).
 */
public final class FileMessages {

    private static final String BUNDLE = "org.jqsi.files.internal.FileMessages";

    private FileMessages() {
    }

    /**
     * A message in French and English, with its arguments put in ({@link MessageFormat} patterns); an argument that
     * is itself a {@link LocalizedText} is put in in each language.
     */
    public static LocalizedText text(String key, Object... args) {
        return LocalizedText.of(format(Language.FR, key, args), format(Language.EN, key, args));
    }

    private static String format(Language language, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language.locale(), FileMessages.class.getModule());
        Object[] inLanguage = args.clone();
        for (int i = 0; i < inLanguage.length; i++) {
            if (inLanguage[i] instanceof LocalizedText text) {
                inLanguage[i] = text.in(language);
            }
        }
        return new MessageFormat(bundle.getString(key), language.locale()).format(inLanguage);
    }
}
