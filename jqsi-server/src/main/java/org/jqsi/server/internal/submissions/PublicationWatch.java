package org.jqsi.server.internal.submissions;

import java.util.function.LongConsumer;

/**
 * How a server learns that approvals published something: the database calls back with the publication's new
 * revision (jqsi-jdbc's {@code Database.watchPublication}: PostgreSQL's LISTEN/NOTIFY, or polling).
 */
@FunctionalInterface
public interface PublicationWatch {

    /** Starts watching; closing what it returns stops. */
    AutoCloseable watch(LongConsumer onNewRevision);
}
