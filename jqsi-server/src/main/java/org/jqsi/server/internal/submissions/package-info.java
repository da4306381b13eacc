/**
 * The activities that approved submissions publish, composed after the program file's and the sources' into the
 * program served, and recomposed as soon as the database signals an approval (from this server, the command line, or
 * another server on the same PostgreSQL database). See {@code jqsi-server/README.md}, "Submissions".
 */
package org.jqsi.server.internal.submissions;
