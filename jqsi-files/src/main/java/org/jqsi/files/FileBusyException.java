package org.jqsi.files;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.files.internal.FileMessages;

/**
 * Another writer held a file's lock for longer than {@link LockedFile#lock(Path, Duration, java.util.function.Consumer)
 * was asked to wait}: nothing was written. {@link #problem()} says so in French and English, naming the file and, as
 * far as the lock file tells, the process that holds it:
 * {@code programme.json est en cours d'écriture par un autre jqsi (pid 4242, d'après .programme.json.lock), qui n'a
 * pas fini après 30 s d'attente : rien n'a été écrit ; réessayez quand il aura fini}.
 */
public final class FileBusyException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final transient Path lockFile;
    private final long holder;
    private final transient Duration waited;
    private final transient LocalizedText problem;

    FileBusyException(Path file, Path lockFile, OptionalLong holder, Duration waited) {
        super(file + ": locked by another writer (" + lockFile + ")", null);
        this.file = Objects.requireNonNull(file, "file");
        this.lockFile = Objects.requireNonNull(lockFile, "lockFile");
        this.holder = holder.orElse(-1);
        this.waited = Objects.requireNonNull(waited, "waited");
        this.problem = FileMessages.text("busy.refused", file.toString(), holderText(lockFile, holder),
                seconds(waited));
    }

    /** The file that could not be written (symbolic links followed). */
    public Path file() {
        return file;
    }

    /** The lock file beside it, which says the pid of the writer that holds it. */
    public Path lockFile() {
        return lockFile;
    }

    /**
     * The pid of the writer holding the lock, as its lock file says: the holder writes it once it has the lock, so
     * it may be the previous holder's for an instant. Empty when the lock file says none (or cannot be read: Windows
     * forbids reading a locked file).
     */
    public OptionalLong holder() {
        return holder < 0 ? OptionalLong.empty() : OptionalLong.of(holder);
    }

    /** How long the writer waited before giving up. */
    public Duration waited() {
        return waited;
    }

    /** What happened, for people, in French and English. */
    public LocalizedText problem() {
        return problem;
    }

    @Override
    public String getMessage() {
        return problem == null ? super.getMessage() : problem.in(Language.EN);
    }

    /** Who holds the lock: another jqsi with its pid, this process, or another jqsi whose pid is not known. */
    static LocalizedText holderText(Path lockFile, OptionalLong holder) {
        String name = lockFile.getFileName().toString();
        if (holder.isEmpty()) {
            return FileMessages.text("holder.unknown", "", name);
        }
        String pid = Long.toString(holder.getAsLong());
        return FileMessages.text(holder.getAsLong() == ProcessHandle.current().pid() ? "holder.self" : "holder.process",
                pid, name);
    }

    /** A duration in seconds, for messages: 30, 0.5. */
    static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
