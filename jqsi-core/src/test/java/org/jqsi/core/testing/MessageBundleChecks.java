package org.jqsi.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jqsi.core.model.Language;

/**
 * The checks every module's message bundles pass (each module's {@code MessageBundlesTest} calls them with its own
 * bundles): every key in French and English, the base bundle the English one, every pattern a {@link MessageFormat}
 * that puts in its arguments (a single quote written {@code ''}), and every key the code names exists.
 *
 * <p>Bundles are opened by the caller ({@link Opener}): on the module path only code of the module that holds a
 * resource may read it.
 */
public final class MessageBundleChecks {

    private MessageBundleChecks() {
    }

    /** Opens {@code name + ".properties"} beside the calling test: {@code n -> MyTest.class.getResourceAsStream(n)}. */
    @FunctionalInterface
    public interface Opener {
        InputStream open(String resource) throws IOException;
    }

    /** The bundle's French and English have the same keys, and its base is its English. */
    public static void sameKeysAndEnglishBase(Opener opener, String bundle) throws IOException {
        Properties fr = load(opener, bundle + "_fr");
        Properties en = load(opener, bundle + "_en");

        assertThat(fr.stringPropertyNames()).isNotEmpty().isEqualTo(en.stringPropertyNames());
        assertThat(load(opener, bundle)).isEqualTo(en);
    }

    /**
     * Every pattern puts in its arguments, the French and the English the same ones.
     *
     * @param frenchMayDiffer keys whose French leaves out an argument on purpose
     */
    public static void patternsPutInTheirArguments(Opener opener, String bundle, Set<String> frenchMayDiffer)
            throws IOException {
        Properties fr = load(opener, bundle + "_fr");
        Properties en = load(opener, bundle + "_en");
        for (String key : fr.stringPropertyNames()) {
            List<Object> frArguments = arguments(key, fr.getProperty(key), Language.FR.locale());
            List<Object> enArguments = arguments(key, en.getProperty(key), Language.EN.locale());
            if (!frenchMayDiffer.contains(key)) {
                assertThat(frArguments).as("the arguments of %s in French and English", key).isEqualTo(enArguments);
            }
        }
    }

    /**
     * Every key that the module's code ({@code src/main/java}) names through {@code reader.text(…)} or
     * {@code reader.message(…)} is in the bundle's French.
     *
     * @param reader the class the code reads the bundle through: {@code JdbcMessages}
     */
    public static void keysTheCodeNamesExist(Opener opener, String bundle, String reader) throws IOException {
        Set<String> keys = load(opener, bundle + "_fr").stringPropertyNames();
        Pattern named = Pattern.compile(Pattern.quote(reader + ".")
                + "(?:text|message)\\(\\s*(?:[\\w.]+\\s*,\\s*)?\"([a-z][a-z0-9.-]*)\"\\s*[,)]");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = named.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(keys).containsAll(used);
    }

    /** A bundle's file, {@code name + ".properties"}, read as UTF-8. */
    public static Properties load(Opener opener, String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = opener.open(name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    /**
     * The arguments a pattern takes (a number, or any other value), after checking that formatting it with them gives
     * the pattern with each argument in its place, its {@code ''} as one quote and its quoted braces as braces: a lone
     * quote would silently swallow the rest of the message.
     */
    public static List<Object> arguments(String key, String pattern, Locale locale) {
        MessageFormat format = new MessageFormat(pattern, locale);
        Format[] formats = format.getFormatsByArgumentIndex();
        Object[] values = new Object[formats.length];
        List<Object> kinds = new ArrayList<>();
        for (int i = 0; i < formats.length; i++) {
            values[i] = formats[i] instanceof NumberFormat ? (Object) (1000 + i) : "‹" + i + "›";
            kinds.add(formats[i] instanceof NumberFormat ? "number" : "text");
        }
        assertThat(format.format(values)).as("%s formatted", key).isEqualTo(expected(key, pattern, values));
        return kinds;
    }

    /**
     * The pattern with its arguments put in by hand:
     * {@code {n}} or {@code {n,number,#}}, {@code ''}, quoted braces.
     */
    private static String expected(String key, String pattern, Object[] values) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (pattern.startsWith("''", i)) {
                out.append('\'');
                i += 2;
            } else if (pattern.startsWith("'{'", i) || pattern.startsWith("'}'", i)) {
                out.append(pattern.charAt(i + 1));
                i += 3;
            } else if (c == '\'') {
                fail("%s: a lone single quote at %d (write '' for one): %s", key, i, pattern);
            } else if (c == '{') {
                int end = pattern.indexOf('}', i);
                String[] parts = pattern.substring(i + 1, end).split(",");
                if (parts.length > 1 && !(parts[1].equals("number") && parts.length == 3 && parts[2].equals("#"))) {
                    fail("%s: write an argument as {n}, or {n,number,#} for a count: %s", key, pattern);
                }
                out.append(values[Integer.parseInt(parts[0].strip())]);
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
