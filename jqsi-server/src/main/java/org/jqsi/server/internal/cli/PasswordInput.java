package org.jqsi.server.internal.cli;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jqsi.core.model.Language;
import org.jqsi.server.internal.ServerMessages;

/**
 * A new password, as {@code accounts add} reads it: from the terminal, asked twice without echo, or from standard
 * input (its first line, for scripts: {@code --password-stdin}). Never from the command line, which every user of the
 * machine can read ({@code ps}). The caller overwrites the array returned once it is hashed.
 */
final class PasswordInput {

    /** NIST SP 800-63B (5.1.1.2) asks at least 8; a reviewer's password guards every region's submissions. */
    static final int MIN_LENGTH = 12;
    /** Hashing is not slowed by length, but a whole file piped by mistake is not a password. */
    static final int MAX_LENGTH = 1024;

    /** A password that could not be read: why, in the run's language; {@link #usage} when it is bad usage. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean usage;

        Refused(String why, boolean usage) {
            super(why, null, false, false);
            this.usage = usage;
        }
    }

    private PasswordInput() {
    }

    /** The first line of the input, without its line ending; the input is read to its end. */
    static char[] fromInput(InputStream in, Language language) throws Refused, IOException {
        byte[] bytes = in.readAllBytes();
        int end = 0;
        while (end < bytes.length && bytes[end] != '\n') {
            end++;
        }
        int length = end > 0 && bytes[end - 1] == '\r' ? end - 1 : end;
        char[] password;
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, length));
            password = Arrays.copyOf(chars.array(), chars.limit());
            Arrays.fill(chars.array(), '\0');
        } catch (CharacterCodingException e) {
            throw new Refused(ServerMessages.message(language, "accounts.password-not-utf8"), false);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        return checked(password, language);
    }

    /** Asked twice on the terminal, without echo. */
    static char[] fromTerminal(Console console, String email, Language language) throws Refused {
        if (console == null) {
            throw new Refused(ServerMessages.message(language, "accounts.no-terminal"), true);
        }
        char[] first = console.readPassword("%s", ServerMessages.message(language, "accounts.password-prompt", email));
        char[] second = first == null ? null
                : console.readPassword("%s", ServerMessages.message(language, "accounts.password-again"));
        if (first == null || second == null) {
            throw new Refused(ServerMessages.message(language, "accounts.password-none"), false);
        }
        try {
            if (!Arrays.equals(first, second)) {
                throw new Refused(ServerMessages.message(language, "accounts.password-mismatch"), false);
            }
        } finally {
            Arrays.fill(second, '\0');
        }
        return checked(first, language);
    }

    private static char[] checked(char[] password, Language language) throws Refused {
        int length = (int) CharBuffer.wrap(password).codePoints().count();
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            Arrays.fill(password, '\0');
            throw new Refused(ServerMessages.message(language, "accounts.password-length", MIN_LENGTH, MAX_LENGTH,
                    length), false);
        }
        return password;
    }
}
