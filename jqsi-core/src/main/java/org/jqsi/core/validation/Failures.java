package org.jqsi.core.validation;

import java.io.FileNotFoundException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Objects;
import org.jqsi.core.internal.JqsiMessageBundles;
import org.jqsi.core.model.LocalizedText;

/**
 * What a failure that is not the program's fault (a file that is not there, a server that does not answer) means, in
 * French and English, in the user's terms: {@code no such file: x.ics}, never {@code NoSuchFileException: x.ics}.
 * The one place where commands, readers and reloads turn an I/O failure into words.
 */
public final class Failures {

    private Failures() {
    }

    /** What went wrong, for people; the exception's own message when it is not one of the usual failures. */
    public static LocalizedText describe(Throwable failure) {
        Throwable e = failure;
        String subject = Objects.toString(e.getMessage(), "");
        if (e instanceof FileSystemException f && f.getFile() != null) {
            subject = f.getFile();
        }
        if (e instanceof NoSuchFileException || e instanceof FileNotFoundException) {
            return JqsiMessageBundles.text("failure.no-such-file", subject);
        }
        if (e instanceof AccessDeniedException) {
            return JqsiMessageBundles.text("failure.access-denied", subject);
        }
        if (e instanceof FileSystemException f) {
            String reason = Objects.toString(f.getReason(), "");
            if (reason.contains("directory")) {
                return JqsiMessageBundles.text("failure.directory", subject);
            }
            return JqsiMessageBundles.text("failure.unreadable", subject, reason);
        }
        if (e instanceof CharacterCodingException) {
            return JqsiMessageBundles.text("failure.not-utf8");
        }
        if (e instanceof UnknownHostException) {
            return JqsiMessageBundles.text("failure.unknown-host", subject);
        }
        if (e instanceof ConnectException) {
            return JqsiMessageBundles.text("failure.connection-refused");
        }
        if (e instanceof SocketTimeoutException) {
            return JqsiMessageBundles.text("failure.timeout");
        }
        if (e instanceof BindException) {
            return JqsiMessageBundles.text("failure.address-in-use");
        }
        if (subject.isEmpty()) {
            return JqsiMessageBundles.text("failure.unexpected");
        }
        return LocalizedText.of(subject, subject);
    }
}
