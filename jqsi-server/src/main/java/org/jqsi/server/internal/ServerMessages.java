package org.jqsi.server.internal;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;

/**
 * jqsi-server's texts for people, in French and English, from the bundle
 * {@code org/jqsi/server/internal/messages*.properties} (loaded through this module, so that it is found on the module
 * path as on the class path).
 */
public final class ServerMessages {

    private static final String BUNDLE = "org.jqsi.server.internal.messages";

    private ServerMessages() {
    }

    /**
     * A text in French and English, with its arguments put in; an argument that is a {@link LocalizedText} is put in
     * the language of each text.
     */
    public static LocalizedText text(String key, Object... args) {
        return LocalizedText.of(message(Language.FR, key, args), message(Language.EN, key, args));
    }

    /**
     * A line of a command about something, in a language: {@code jqsi import-ics: no such file: x.ics}, or
     * {@code --port : ...} in French.
     *
     * @param subject the command ({@code jqsi import-ics}) or option ({@code --port}) that speaks
     * @param what what it says
     */
    public static String said(Language language, String subject, String what) {
        return message(language, "cli.said", subject, what);
    }

    /** A text in a language, with its arguments put in. */
    public static String message(Language language, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language.locale(), ServerMessages.class.getModule());
        Object[] values = args.clone();
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof LocalizedText text) {
                values[i] = text.in(language);
            }
        }
        return new MessageFormat(bundle.getString(key), language.locale()).format(values);
    }
}
