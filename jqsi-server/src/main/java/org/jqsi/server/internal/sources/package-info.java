/**
 * The sources a server follows beside its program file (partners' iCalendar feeds and spreadsheets): fetched each at
 * its own interval with conditional GETs, their last good copies kept on disk, and composed with the program file into
 * the one program served, each source owning only its own activities. See {@code jqsi-server/README.md}, "Sources".
 */
package org.jqsi.server.internal.sources;
