package org.jqsi.server.internal;

/**
 * A program source that follows what changes on its own, apart from the program file: partners' sources fetched on
 * their schedules, approvals signalled by the database. The {@link ProgramWatcher} starts it with itself and checks
 * again as soon as it says something changed, rather than at its next turn.
 */
public interface FollowingSource extends ChangingSource {

    /** Starts following; {@code onChange} runs, on another thread, when a read now would give something new. */
    void start(Runnable onChange);

    /** Stops following. */
    void stop();
}
