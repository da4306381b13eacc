/**
 * Storage in SQL: a {@link org.jqsi.jdbc.Database} (embedded H2 in a data directory, or PostgreSQL), and the
 * submissions kept in it ({@link org.jqsi.jdbc.JdbcSubmissionStore}, the {@link org.jqsi.core.submission.SubmissionStore}
 * of jqsi-core). The schema is versioned by Flyway and brought up to date when a database is opened. Failures reach
 * people as {@link org.jqsi.jdbc.DatabaseException}, in French and English.
 */
package org.jqsi.jdbc;
