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
            return LocalizedText.of("fichier introuvable : " + subject, "no such file: " + subject);
        }
        if (e instanceof AccessDeniedException) {
            return LocalizedText.of("accès refusé : " + subject, "permission denied: " + subject);
        }
        if (e instanceof FileSystemException f) {
            String reason = Objects.toString(f.getReason(), "");
            if (reason.contains("directory")) {
                return LocalizedText.of(subject + " est un dossier, pas un fichier",
                        subject + " is a directory, not a file");
            }
            return LocalizedText.of(subject + " ne peut pas être lu (" + reason + ")",
                    subject + " cannot be read (" + reason + ")");
        }
        if (e instanceof CharacterCodingException) {
            return LocalizedText.of("le fichier n'est pas en UTF-8 : enregistrez-le en UTF-8",
                    "the file is not UTF-8: save it as UTF-8");
        }
        if (e instanceof UnknownHostException) {
            return LocalizedText.of("adresse inconnue : " + subject, "unknown host: " + subject);
        }
        if (e instanceof ConnectException) {
            return LocalizedText.of("le serveur refuse la connexion", "the server refuses the connection");
        }
        if (e instanceof SocketTimeoutException) {
            return LocalizedText.of("le serveur ne répond pas à temps", "the server does not answer in time");
        }
        if (e instanceof BindException) {
            return LocalizedText.of("l'adresse ou le port est déjà utilisé", "the address or port is already in use");
        }
        if (subject.isEmpty()) {
            return LocalizedText.of("erreur inattendue ; JQSI_DEBUG=1 montre les détails",
                    "unexpected error; JQSI_DEBUG=1 shows the details");
        }
        return LocalizedText.of(subject, subject);
    }
}
