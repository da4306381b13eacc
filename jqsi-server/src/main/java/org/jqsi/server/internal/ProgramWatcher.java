package org.jqsi.server.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jqsi.core.model.Language;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.core.program.ProgramSource;
import org.jqsi.core.program.ReloadResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the program's source at a fixed interval and reloads it when it has changed. A bad new program is logged
 * with every problem and the previous one keeps serving; the check runs on its own thread, so a slow source never
 * holds up a request.
 */
public final class ProgramWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ProgramWatcher.class);

    private final CurrentProgram program;
    private final Duration interval;
    private final ScheduledExecutorService timer;
    /** The language of what it says. */
    private final Language language;

    public ProgramWatcher(CurrentProgram program, Duration interval, Language language) {
        this.program = program;
        this.language = language;
        this.interval = interval;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "jqsi-program-watcher");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts checking, when the source can tell that it changed; a fixed source is never checked. What a source follows
     * (partners' sources, the submissions' database) starts too, and a change there is composed as soon as it is seen.
     */
    public void start() {
        if (program.source() instanceof ChangingSource) {
            long millis = interval.toMillis();
            timer.scheduleWithFixedDelay(this::checkOnce, millis, millis, TimeUnit.MILLISECONDS);
        }
        if (program.source() instanceof FollowingSource following) {
            following.start(() -> timer.execute(this::checkOnce));
        }
    }

    public void stop() {
        if (program.source() instanceof FollowingSource following) {
            following.stop();
        }
        timer.shutdownNow();
    }

    /** One check: reload if the source changed, and say what came of it. */
    void checkOnce() {
        try {
            ProgramSource source = program.source();
            if (!(source instanceof ChangingSource changing) || !changing.hasChanged()) {
                return;
            }
            ReloadResult result = program.reload();
            if (result.applied()) {
                LOG.info(ServerMessages.message(language, "reload.applied", source.describe(), result.version(),
                        result.report().warnings().size()));
            } else {
                LOG.warn(ServerMessages.message(language, "reload.refused", source.describe(), result.version(),
                        System.lineSeparator(), result.report().format(language)));
            }
        } catch (RuntimeException e) {
            // The timer stops for good on an exception: log it and keep watching.
            LOG.error(ServerMessages.message(language, "reload.check-failed"), e);
        }
    }
}
