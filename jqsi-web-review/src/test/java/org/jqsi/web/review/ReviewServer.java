package org.jqsi.web.review;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jqsi.core.account.Account;
import org.jqsi.core.account.AccountException;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.program.Program;
import org.jqsi.core.submission.Submission;
import org.jqsi.core.submission.SubmissionStore;
import org.jqsi.core.submission.Submitter;
import org.jqsi.core.validation.ProgramValidator;
import org.jqsi.jdbc.Database;
import org.jqsi.jdbc.JdbcAccountStore;
import org.jqsi.jdbc.testing.TestDatabase;
import org.jqsi.jdbc.testing.TestDatabases;
import org.jqsi.json.ProgramFileSource;
import org.jqsi.password.Argon2idHash;
import org.jqsi.password.Argon2idParameters;
import org.jqsi.web.testing.MutableClock;

/**
 * The real servlet in an embedded Jetty 12 on 127.0.0.1 and a random port, mounted at {@code /review/*}, on a fresh
 * database of the kind asked (H2, or PostgreSQL when the tests have one) with three accounts: a coordinator of the
 * Mauricie (04), one of the Estrie (05), and an administrator; the shipped sample program as the program file; a clock
 * the tests move. Passwords are hashed with Argon2id at small parameters, so that tests log in quickly.
 */
final class ReviewServer implements AutoCloseable {

    static final String MAURICIE = "marie@cs3r.example.org";
    static final String ESTRIE = "luc@estrie.example.org";
    static final String ADMIN = "admin@aqoci.example.org";
    static final String PASSWORD = "un mot de passe assez long";

    final MutableClock clock;
    final Database database;
    final JdbcAccountStore accounts;
    final SubmissionStore submissions;
    private final TestDatabase testDatabase;
    private final Server server;
    private final int port;
    private final Argon2idHash passwords;
    private final ReviewSettings settings;
    private int made;

    private ReviewServer(TestDatabase testDatabase, ReviewSettings settings) throws Exception {
        this.clock = new MutableClock(Instant.parse("2026-11-30T17:00:00Z"));
        this.testDatabase = testDatabase;
        this.database = testDatabase.open();
        this.accounts = database.accounts();
        this.submissions = database.submissions();
        Argon2idHash passwords = new Argon2idHash(new Argon2idParameters(1024, 1, 1), new SecureRandom());
        Instant now = clock.instant();
        add(Account.coordinator(MAURICIE, Set.of(Region.MAURICIE), now), passwords);
        add(Account.coordinator(ESTRIE, Set.of(Region.ESTRIE), now), passwords);
        add(Account.administrator(ADMIN, now), passwords);
        this.passwords = passwords;
        this.settings = settings;
        server = jetty(database);
        port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** A Jetty with the servlet on a database. */
    private Server jetty(Database on) throws Exception {
        Program served = Program.of(ProgramFileSource.sample().read());
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(new ReviewServlet(on.accounts(), passwords, on.submissions(),
                () -> served, ProgramFileSource.sample(), new ProgramValidator(), settings, clock)), "/review/*");
        jetty.setHandler(context);
        jetty.start();
        return jetty;
    }

    /** Another server on the same database, with its own connections: as a second process would be. */
    Second secondServer() throws Exception {
        Database other = testDatabase.open();
        Server jetty = jetty(other);
        return new Second(this, jetty, other);
    }

    /** A second server; closing it stops it and closes its connections. */
    record Second(ReviewServer first, Server jetty, Database database) implements AutoCloseable {

        /** The same server's helpers, at this one's address. */
        ReviewServer server() {
            return first.at(((ServerConnector) jetty.getConnectors()[0]).getLocalPort());
        }

        @Override
        public void close() throws Exception {
            jetty.stop();
            database.close();
        }
    }

    private ReviewServer at(int otherPort) {
        return new ReviewServer(this, otherPort);
    }

    private ReviewServer(ReviewServer same, int otherPort) {
        this.clock = same.clock;
        this.testDatabase = same.testDatabase;
        this.database = same.database;
        this.accounts = same.accounts;
        this.submissions = same.submissions;
        this.passwords = same.passwords;
        this.settings = same.settings;
        this.server = same.server;
        this.port = otherPort;
    }

    static ReviewServer start(TestDatabases.Kind kind, Path directory) throws Exception {
        return start(kind, directory, ReviewSettings.defaults());
    }

    static ReviewServer start(TestDatabases.Kind kind, Path directory, ReviewSettings settings) throws Exception {
        return new ReviewServer(TestDatabases.create(kind, directory), settings);
    }

    private void add(Account account, Argon2idHash passwords) throws AccountException {
        accounts.add(account, passwords.hash(PASSWORD.toCharArray()));
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    /** A new activity proposed in a region, at the clock's time: its submission's id. */
    String submitNew(Region region, String title) {
        made++;
        Activity activity = Activity.builder("atelier-propose-" + made).edition("jqsi-2021")
                .kind(ActivityKind.WORKSHOP).title(LocalizedText.of(title, title + " (en)"))
                .schedule(Schedule.Timed.between(LocalDateTime.of(2021, 11, 12, 19, 0),
                        LocalDateTime.of(2021, 11, 12, 21, 0), Region.EASTERN))
                .region(region).build();
        return submissions.submit(Submission.Kind.NEW, null, activity,
                new Submitter("Comité de solidarité/Trois-Rivières", "programme@example.org"), clock.instant())
                .submission().id();
    }

    Submission find(String id) {
        return submissions.find(id).orElseThrow();
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            database.close();
            testDatabase.close();
        }
    }
}
