package org.jqsi.jdbc.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;

/**
 * Follows the revision of what approvals publish, whichever process approves, on a daemon thread of its own: it waits
 * for the database's signal ({@link Signals}), or the interval at most, then reads the revision, and calls back when it
 * is another. A signal that fails (a broken connection) is opened again; meanwhile the revision is still read at each
 * interval, so that nothing but delay is lost.
 */
public final class PublicationWatch implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("org.jqsi.jdbc");

    /** Where signals come from: a connection that listens, or only the clock. */
    @FunctionalInterface
    public interface Signals {
        /** A source of signals, ready. */
        Signal open() throws SQLException;
    }

    /** A database's change signal. */
    public interface Signal extends AutoCloseable {
        /**
         * Returns when a change is signalled, or after {@code timeout} at most; at once if {@code stop} is notified.
         *
         * @param stop the object whose {@link Object#notifyAll()} ends the wait early
         */
        void await(Duration timeout, Object stop) throws SQLException, InterruptedException;

        @Override
        void close();
    }

    /** Only the clock: waits out the interval. */
    public static final Signals CLOCK = () -> new Signal() {
        @Override
        public void await(Duration timeout, Object stop) throws InterruptedException {
            synchronized (stop) {
                stop.wait(timeout.toMillis());
            }
        }

        @Override
        public void close() {
        }
    };

    private final Callable<Long> revision;
    private final Signals signals;
    private final Duration interval;
    private final LongConsumer onNewRevision;
    private final LocalizedText database;
    private final Object stop = new Object();
    private final Thread thread;
    private volatile boolean running = true;
    private long last;

    /**
     * Reads the revision now, as the one to compare with, and starts following it.
     *
     * @param revision reads the current revision
     * @param interval the longest wait between two reads
     * @param database the database in words, for the logs
     * @throws Exception when the revision cannot be read now
     */
    public PublicationWatch(Callable<Long> revision, Signals signals, Duration interval, LongConsumer onNewRevision,
            LocalizedText database) throws Exception {
        this.revision = Objects.requireNonNull(revision, "revision");
        this.signals = Objects.requireNonNull(signals, "signals");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.onNewRevision = Objects.requireNonNull(onNewRevision, "onNewRevision");
        this.database = database;
        this.last = revision.call();
        this.thread = new Thread(this::follow, "jqsi-publication-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** The revision last seen. */
    public synchronized long lastSeen() {
        return last;
    }

    private void follow() {
        Signal signal = null;
        boolean signalFailing = false;
        boolean readFailing = false;
        while (running) {
            try {
                if (signal == null) {
                    signal = signals.open();
                }
                signal.await(interval, stop);
                signalFailing = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (SQLException | RuntimeException e) {
                closeQuietly(signal);
                signal = null;
                if (!signalFailing) {
                    warn("database.watch-signal-lost", e);
                }
                signalFailing = true;
                if (!pause()) {
                    break;
                }
            }
            if (!running) {
                break;
            }
            // Warned once per failure, not at every interval while it lasts.
            readFailing = !read(readFailing);
        }
        closeQuietly(signal);
    }

    /** Reads the revision and calls back when it changed; false when it could not be read. */
    private boolean read(boolean failing) {
        long now;
        try {
            now = revision.call();
        } catch (Exception e) {
            if (!failing) {
                warn("database.watch-read-failed", e);
            }
            return false;
        }
        boolean changed;
        synchronized (this) {
            changed = now != last;
            last = now;
        }
        if (changed) {
            try {
                onNewRevision.accept(now);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, JdbcMessages.text("database.watch-callback-failed",
                        String.valueOf(now)).in(Language.EN), e);
            }
        }
        return true;
    }

    private boolean pause() {
        synchronized (stop) {
            try {
                stop.wait(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return running;
    }

    private void warn(String key, Exception e) {
        LOG.log(System.Logger.Level.WARNING, JdbcMessages.text(key, database, Failures.words(e)).in(Language.EN));
    }

    private static void closeQuietly(Signal signal) {
        if (signal != null) {
            try {
                signal.close();
            } catch (RuntimeException e) {
                // Closing a signal that failed: nothing more to do with it.
            }
        }
    }

    /** Stops following, and waits for the thread to end (an interval at most). */
    @Override
    public void close() {
        running = false;
        synchronized (stop) {
            stop.notifyAll();
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join(interval.toMillis() * 2 + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
