package org.jqsi.jdbc.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * Whether a database already has every migration of this jqsi, read from Flyway's history table
 * ({@value Migrations#HISTORY_TABLE}) with one query, without Flyway.
 *
 * <p>That is the usual start of a server, and Flyway took most of the time the database took to open even when it had
 * nothing to do (loading its classes, its configuration, its own checks of the history under a lock). The answer is
 * "yes" only when the history holds exactly the rows Flyway writes for {@link Migrations#FILES}, in order, each
 * applied successfully and with the version, description, type, script and checksum that Flyway's validation compares
 * (besides the row that notes the table's creation, which Flyway's validation ignores too);
 * anything else (no table yet, an older schema, a newer one, a failed or changed migration, a row of another kind, a
 * history that cannot be read) is left to Flyway, which applies, waits for another process's lock, or refuses, as it
 * always did. A row is written only once its migration has run (and on PostgreSQL in the same transaction), so a
 * history seen while another process migrates names fewer migrations and goes to Flyway too.
 */
final class SchemaHistory {

    /**
     * A row of the history as Flyway's validation compares it with the migrations it knows.
     *
     * @param version the migration's version ({@code 1} for {@code V1__submissions.sql})
     * @param description its description: the file name's part after {@code __}, underscores as spaces
     * @param type {@code SQL} for a migration written in SQL
     * @param script the file name
     * @param checksum Flyway's checksum of the file (a CRC-32 of its lines without their line breaks)
     */
    record Applied(String version, String description, String type, String script, int checksum) {
    }

    /** The type of the row Flyway (10 and later) writes when it makes the history table. */
    private static final String TABLE_CREATED = "TABLE";

    private SchemaHistory() {
    }

    /** Whether every migration is applied and unchanged; {@code false} when that cannot be said for sure. */
    static boolean isCurrent(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return expected().equals(applied(connection));
        } catch (SQLException e) {
            // No history table yet (a new database), or it cannot be read: Flyway makes it, or says what is wrong.
            return false;
        }
    }

    /**
     * The rows of the history in the connection's current schema (where Flyway keeps it), in the order they were
     * installed, without the row that notes the table's creation; {@code null} when one of them is not a successful
     * migration or there is no history table there.
     *
     * @throws SQLException when the history cannot be read
     */
    static List<Applied> applied(Connection connection) throws SQLException {
        String schema = connection.getSchema();
        if (schema == null) {
            return null;
        }
        if (!historyTableIn(connection, schema)) {
            // A new database. Asked rather than found by a failing query: H2 would write the failure to a trace file
            // in the data directory, and PostgreSQL to its log.
            return null;
        }
        String table = quoted(schema) + "." + quoted(Migrations.HISTORY_TABLE);
        List<Applied> applied = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT \"version\", \"description\", \"type\", \"script\","
                        + " \"checksum\", \"success\" FROM " + table + " ORDER BY \"installed_rank\"")) {
            while (rows.next()) {
                String version = rows.getString(1);
                String description = rows.getString(2);
                String type = rows.getString(3);
                String script = rows.getString(4);
                int checksum = rows.getInt(5);
                boolean noChecksum = rows.wasNull();
                boolean success = rows.getBoolean(6);
                if (success && version == null && TABLE_CREATED.equals(type)) {
                    // Flyway's own note that it made the table (installed_rank -1): not a migration.
                    continue;
                }
                if (!success || noChecksum || version == null) {
                    return null;
                }
                applied.add(new Applied(version, description, type, script, checksum));
            }
        }
        return applied;
    }

    /** Whether the schema holds Flyway's history table, by the driver's metadata. */
    private static boolean historyTableIn(Connection connection, String schema) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        String escape = metadata.getSearchStringEscape();
        try (ResultSet tables = metadata.getTables(null, pattern(schema, escape),
                pattern(Migrations.HISTORY_TABLE, escape), null)) {
            while (tables.next()) {
                if (Migrations.HISTORY_TABLE.equals(tables.getString("TABLE_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A name as a metadata search pattern: its {@code _} and {@code %} stand for themselves. */
    private static String pattern(String name, String escape) {
        if (escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    /** The rows Flyway writes for {@link Migrations#FILES}, once all are applied. */
    static List<Applied> expected() {
        List<Applied> expected = new ArrayList<>();
        for (String file : Migrations.FILES) {
            int separator = file.indexOf("__");
            String version = file.substring(1, separator);
            String description = file.substring(separator + 2, file.length() - ".sql".length()).replace('_', ' ');
            expected.add(new Applied(version, description, "SQL", file, checksum(file)));
        }
        return expected;
    }

    /**
     * Flyway's checksum of a migration: a CRC-32 of the UTF-8 bytes of its lines without their line breaks (so that
     * the line endings do not count), a byte-order mark left out; {@code SchemaHistoryTest} compares it with what
     * Flyway records.
     */
    static int checksum(String file) {
        try {
            return checksum(new Migrations().getResource(file).read());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #checksum(String)} of a text, which it closes. */
    static int checksum(Reader text) throws IOException {
        CRC32 crc = new CRC32();
        try (BufferedReader lines = new BufferedReader(text)) {
            String line = lines.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            for (; line != null; line = lines.readLine()) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return (int) crc.getValue();
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
