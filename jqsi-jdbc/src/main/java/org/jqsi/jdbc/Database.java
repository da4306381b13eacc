package org.jqsi.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.jdbc.internal.EmbeddedBackup;
import org.jqsi.jdbc.internal.EmbeddedCredentials;
import org.jqsi.jdbc.internal.Failures;
import org.jqsi.jdbc.internal.JdbcMessages;
import org.jqsi.jdbc.internal.Migrations;
import org.jqsi.jdbc.internal.PublicationWatch;
import org.jqsi.jdbc.internal.SharedSecrets;
import org.postgresql.PGConnection;

/**
 * A database that jqsi keeps its submissions in, open: an embedded H2 database in a data directory, which needs no
 * set-up, or a PostgreSQL database, which several servers share. Opening it brings its schema up to date (Flyway
 * migrations, each applied once). Its connections are pooled (HikariCP); {@link #close()} closes them.
 *
 * <pre>{@code
 * try (Database database = Database.embedded(Path.of("data"))) {
 *     SubmissionStore submissions = database.submissions();
 *     ...
 * }
 * }</pre>
 *
 * <p>Failures to open it (unreachable, a password refused, a data directory that cannot be written, an embedded
 * database that another program holds) are {@link DatabaseException}s that say why in French and English. Thread-safe.
 */
public final class Database implements AutoCloseable {

    /** Which database it is: each has its own SQL for locks and signals. */
    enum Vendor {
        H2, POSTGRESQL
    }

    /** The H2 database's name in its directory: its file is {@code jqsi.mv.db}. */
    static final String EMBEDDED_NAME = "jqsi";

    /**
     * H2's settings. AUTO_SERVER: the first process to open the file serves it to others (the command line while a
     * server runs) on a local TCP port; AUTO_RECONNECT: they go on when it stops and another takes over. The PostgreSQL
     * mode and lower-case names let one SQL serve both databases. A lock is waited for as long as on PostgreSQL.
     */
    // WRITE_DELAY=0: H2 writes each commit to its file before the commit returns. By default it keeps changes in
    // memory up to a second after their commit, and a process killed then lost a submission it had answered 201 for
    // (KilledApprovalTest).
    private static final String H2_SETTINGS = ";AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE;MODE=PostgreSQL"
            + ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT="
            + Failures.LOCK_TIMEOUT.toMillis();

    /** H2's system property for the address its servers listen on. */
    static final String H2_BIND_ADDRESS = "h2.bindAddress";

    /** How often the embedded database's revision is read when followed: it has no signal of its own. */
    private static final Duration H2_POLL = Duration.ofMillis(500);

    /** The longest a PostgreSQL follower waits without reading the revision, should a signal be lost. */
    private static final Duration POSTGRESQL_POLL = Duration.ofSeconds(1);

    private final Vendor vendor;
    private final LocalizedText description;
    private final Path dataDirectory;
    private final String url;
    private final String user;
    private final String password;
    private final HikariDataSource pool;
    private final Jdbi jdbi;
    private final JdbcSubmissionStore submissions;
    private final List<PublicationWatch> watches = new CopyOnWriteArrayList<>();

    private Database(Vendor vendor, LocalizedText description, Path dataDirectory, String url, String user,
            String password, HikariDataSource pool) {
        this.vendor = vendor;
        this.description = description;
        this.dataDirectory = dataDirectory;
        this.url = url;
        this.user = user;
        this.password = password;
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        this.submissions = new JdbcSubmissionStore(this);
    }

    /**
     * The embedded database in a data directory: made there, with the directory (mode 0700) if it is missing, on first
     * use. It is one H2 file ({@code jqsi.mv.db}) and the credentials it was made with ({@code credentials.properties},
     * mode 0600, a random password): copy both to back it up, while no jqsi runs on it. Two processes can open it at
     * once: the first serves it to the second on a local TCP port, behind the password.
     *
     * @throws DatabaseException when the directory cannot be made or written, its database has lost its credentials
     *     file, another program holds the database, or a version of H2 that this jqsi cannot read wrote it
     */
    public static Database embedded(Path dataDirectory) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        LocalizedText description = JdbcMessages.text("database.embedded", directory.toString());
        if (directory.toString().contains(";")) {
            throw new DatabaseException(JdbcMessages.text("database.directory-semicolon", directory.toString()), null);
        }
        prepare(directory);
        if (Files.exists(directory.resolve(EMBEDDED_NAME + ".mv.db")) && !EmbeddedCredentials.existIn(directory)) {
            throw new DatabaseException(JdbcMessages.text("database.credentials-missing", directory.toString(),
                    EmbeddedCredentials.FILE), null);
        }
        EmbeddedCredentials credentials;
        try {
            credentials = EmbeddedCredentials.inOrNew(directory);
        } catch (IOException e) {
            throw new DatabaseException(JdbcMessages.text("database.credentials-unreadable",
                    directory.resolve(EmbeddedCredentials.FILE).toString(), String.valueOf(e.getMessage())), e);
        }
        // H2 serves the file to other processes on every address of the machine unless told otherwise: loopback only,
        // unless the application chose an address itself. Read once, when H2 is first used.
        if (System.getProperty(H2_BIND_ADDRESS) == null) {
            System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
        }
        String url = "jdbc:h2:file:" + directory.resolve(EMBEDDED_NAME) + H2_SETTINGS;
        return open(Vendor.H2, description, directory, url, credentials.user(), credentials.password());
    }

    /**
     * A PostgreSQL database ({@code jdbc:postgresql://HOST:PORT/DATABASE}), which must exist; its schema is made or
     * brought up to date. Give the password from the environment or a file, never from a command line, which others
     * on the machine can read.
     *
     * @param user {@code null} for the address's own ({@code ?user=jqsi}) or the driver's default
     * @param password {@code null} where the server asks none (trust, peer)
     * @throws DatabaseException when the address is not PostgreSQL's, or the database cannot be reached, refuses the
     *     user or its password, or does not exist
     */
    public static Database connect(String jdbcUrl, String user, String password) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new DatabaseException(JdbcMessages.text("database.not-postgresql", String.valueOf(jdbcUrl)), null);
        }
        LocalizedText description = JdbcMessages.text("database.postgresql", withoutSecrets(jdbcUrl));
        return open(Vendor.POSTGRESQL, description, null, jdbcUrl, user, password);
    }

    private static Database open(Vendor vendor, LocalizedText description, Path dataDirectory, String url, String user,
            String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("jqsi-" + vendor.name().toLowerCase(java.util.Locale.ROOT));
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(10);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(Duration.ofSeconds(15).toMillis());
        if (vendor == Vendor.H2) {
            // A connection to a file does not go stale; retiring the last one would close the database (H2 closes it
            // with its last connection) and hand the file to whichever process opens it next.
            config.setMaxLifetime(0);
        } else {
            // A lock is waited for 30 s at most: an approval queued behind a process that hangs while holding the
            // publication is told so, rather than waiting for ever (PostgreSQL's default).
            config.addDataSourceProperty("options", "-c lock_timeout=" + Failures.LOCK_TIMEOUT.toMillis());
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw Failures.opening(description, user, e);
        }
        try {
            Migrations.migrate(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw Failures.migrating(description, e);
        }
        return new Database(vendor, description, dataDirectory, url, user, password, pool);
    }

    /** Makes the data directory, owner-only, if it is missing; checks that it can be written. */
    private static void prepare(Path directory) {
        try {
            if (!Files.isDirectory(directory)) {
                boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
                FileAttribute<?>[] ownerOnly = posix ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                    : new FileAttribute<?>[0];
                Files.createDirectories(directory, ownerOnly);
            }
        } catch (IOException e) {
            throw new DatabaseException(JdbcMessages.text("database.directory-unusable", directory.toString(),
                    String.valueOf(e.getMessage())), e);
        }
        if (!Files.isWritable(directory)) {
            throw new DatabaseException(JdbcMessages.text("database.directory-not-writable", directory.toString()),
                    null);
        }
    }

    /** The address without what may hold a secret: its parameters ({@code ?password=...}) and any user part. */
    static String withoutSecrets(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        String address = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        return address.replaceFirst("//[^/@]*@", "//");
    }

    /** The pooled connections, for what keeps its own tables beside jqsi's. */
    public DataSource dataSource() {
        return pool;
    }

    /**
     * Which database, for people and health checks, in English: {@code embedded database in /srv/jqsi/data},
     * {@code PostgreSQL jdbc:postgresql://db:5432/jqsi}. Never a password.
     */
    public String describe() {
        return description.in(Language.EN);
    }

    /** Which database, in French and English. */
    public LocalizedText description() {
        return description;
    }

    /** The submissions kept in it. */
    public JdbcSubmissionStore submissions() {
        return submissions;
    }

    /** The accounts of the people who review submissions, and their log-in sessions, kept in it (#20). */
    public JdbcAccountStore accounts() {
        return new JdbcAccountStore(this);
    }

    /**
     * A secret that every process on this database shares, by name ({@code "submit-form"}): made at random by the
     * first one that asks, kept in the database from then on (table {@code shared_secrets}), so that servers behind one
     * load balancer, and one server after a restart, sign and check alike. Whoever can read the database can read it.
     *
     * @param name what the secret is for, at most 40 characters
     * @return 32 random bytes in unpadded base64url, 43 characters
     * @throws DatabaseException when the database cannot be read or written
     */
    public String sharedSecret(String name) {
        if (name.isEmpty() || name.length() > 40) {
            throw new IllegalArgumentException("name: 1 to 40 characters, was " + name.length());
        }
        try {
            return SharedSecrets.get(jdbi, name);
        } catch (JdbiException e) {
            throw Failures.working(description, e);
        }
    }

    /**
     * Copies the embedded database, whole and consistent, while it is in use (here or by another process), into a new
     * zip file: its file {@code jqsi.mv.db} (H2's online {@code BACKUP}) and its {@code credentials.properties}. To
     * restore it, unzip it into an empty directory and give that directory as the data directory. The zip holds the
     * database's password: it is made readable by its owner only (mode 0600).
     *
     * @param zip the file to write; it must not exist
     * @throws DatabaseException for PostgreSQL (back it up with its own tools: {@code pg_dump}), or when the file
     *     cannot be written
     */
    public void backUpTo(Path zip) {
        if (vendor != Vendor.H2) {
            throw new DatabaseException(JdbcMessages.text("database.backup-postgresql", description), null);
        }
        Path target = zip.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new DatabaseException(JdbcMessages.text("database.backup-exists", description, target.toString()),
                    null);
        }
        if (!Files.isDirectory(target.getParent())) {
            throw new DatabaseException(JdbcMessages.text("database.backup-no-directory", description,
                    target.getParent().toString()), null);
        }
        try {
            EmbeddedBackup.write(pool, dataDirectory, target);
        } catch (IOException e) {
            throw new DatabaseException(JdbcMessages.text("database.backup-failed", description, zip.toString(),
                    String.valueOf(e.getMessage())), e);
        } catch (RuntimeException e) {
            throw Failures.working(description, e);
        }
    }

    /** Follows the publication's revision; {@link #close()} stops it. */
    public interface Watch extends AutoCloseable {
        /** Stops following. */
        @Override
        void close();
    }

    /**
     * Calls back, on a daemon thread of its own, whenever the revision of what approvals publish changes, whoever
     * approved: this process, the command line, another server. On PostgreSQL the approval's transaction signals it
     * (LISTEN/NOTIFY), and it is read at least every second besides; the embedded database is read twice a second.
     *
     * <p>The revision when this method returns is where it starts: compose the program after calling it, and a change
     * made meanwhile is called back (perhaps a revision already composed: compare). Several approvals between two
     * readings are one call, with the last revision.
     *
     * @param onNewRevision given the new revision; what it throws is logged, and following goes on
     */
    public Watch watchPublication(LongConsumer onNewRevision) {
        PublicationWatch.Signals signals = vendor == Vendor.H2 ? PublicationWatch.CLOCK : this::listen;
        Duration interval = vendor == Vendor.H2 ? H2_POLL : POSTGRESQL_POLL;
        PublicationWatch watch;
        try {
            watch = new PublicationWatch(submissions::publicationRevision, signals, interval, onNewRevision,
                    description);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        watches.add(watch);
        return () -> {
            watches.remove(watch);
            watch.close();
        };
    }

    /** A connection of its own that listens on the approvals' channel, outside the pool. */
    private PublicationWatch.Signal listen() throws SQLException {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "jqsi publication watch");
        Connection connection = new org.postgresql.Driver().connect(url, properties);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + JdbcSubmissionStore.CHANNEL);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        PGConnection listening = connection.unwrap(PGConnection.class);
        return new PublicationWatch.Signal() {
            @Override
            public void await(Duration timeout, Object stop) throws SQLException {
                listening.getNotifications((int) timeout.toMillis());
            }

            @Override
            public void close() {
                try {
                    connection.close();
                } catch (SQLException e) {
                    // A connection that broke: nothing to close.
                }
            }
        };
    }

    Vendor vendor() {
        return vendor;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    /** Stops following the publication, and closes every connection; the embedded database is then free. */
    @Override
    public void close() {
        for (PublicationWatch watch : watches) {
            watch.close();
        }
        watches.clear();
        pool.close();
    }

    @Override
    public String toString() {
        return describe();
    }
}
