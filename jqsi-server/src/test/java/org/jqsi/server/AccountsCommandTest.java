package org.jqsi.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.jqsi.core.account.Account;
import org.jqsi.core.account.Role;
import org.jqsi.core.model.Region;
import org.jqsi.jdbc.Database;
import org.jqsi.jdbc.testing.TestDatabase;
import org.jqsi.jdbc.testing.TestDatabases;
import org.jqsi.password.Argon2idHash;
import org.jqsi.password.Argon2idParameters;
import org.jqsi.server.CommandLineTest.Run;
import org.jqsi.server.internal.cli.JqsiCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code jqsi accounts}, on both databases, while the test holds the database open as a running server would. The
 * tests have no terminal: passwords come from standard input.
 */
@ParameterizedClass
@EnumSource(TestDatabases.Kind.class)
class AccountsCommandTest {

    private static final String PASSWORD = "Solidarité-2021 Mauricie";

    @Parameter
    TestDatabases.Kind kind;

    @TempDir
    Path directory;

    private TestDatabase fresh;
    private Database server;

    @BeforeEach
    void open() {
        fresh = TestDatabases.create(kind, directory);
        server = fresh.open();
    }

    @AfterEach
    void close() {
        // Null when the kind is skipped (no PostgreSQL here): @AfterEach runs after a skipped @BeforeEach.
        if (server != null) {
            server.close();
            fresh.close();
        }
    }

    private Run jqsi(String input, String... args) {
        return jqsi(input.getBytes(StandardCharsets.UTF_8), args);
    }

    private Run jqsi(byte[] input, String... args) {
        List<String> line = new ArrayList<>(List.of(args));
        line.addAll(Proposed.options(fresh));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = JqsiCommand.run(line.toArray(String[]::new),
                new ByteArrayInputStream(input),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Proposed.environment(fresh));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aCoordinatorIsAddedWithRegionsAndAPasswordFromStandardInputHashedWithArgon2id() {
        Run added = jqsi(PASSWORD + "\n", "accounts", "add", "Marie@CS3R.org", "--role", "coordinator",
                "--region", "04", "--region", "Centre-du-Québec", "--password-stdin");

        assertThat(added.status()).as(added.err()).isZero();
        assertThat(added.out()).isEqualTo("Compte marie@cs3r.org ajouté : coordination régionale, régions 04,17.\n");
        Account marie = server.accounts().find("marie@cs3r.org").orElseThrow();
        assertThat(marie.role()).isEqualTo(Role.COORDINATOR);
        assertThat(marie.regions()).isEqualTo(EnumSet.of(Region.MAURICIE, Region.CENTRE_DU_QUEBEC));
        assertThat(marie.disabled()).isFalse();
        String stored = server.accounts().passwordHash("marie@cs3r.org").orElseThrow();
        assertThat(Argon2idHash.parametersOf(stored)).contains(Argon2idParameters.OWASP);
        assertThat(stored).doesNotContain(PASSWORD);
        Argon2idHash hashes = new Argon2idHash();
        assertThat(hashes.matches(PASSWORD.toCharArray(), stored)).isTrue();
        assertThat(hashes.matches((PASSWORD + "\n").toCharArray(), stored)).isFalse();
    }

    @Test
    void anAdministratorIsAddedWithoutRegionAndListedBesideTheCoordinators() {
        assertThat(jqsi("", "accounts", "list").err()).contains("Aucun compte pour l'instant");
        assertThat(jqsi(PASSWORD + "\r\n", "accounts", "add", "admin@aqoci.qc.ca", "--role", "administrator",
                "--password-stdin", "--lang", "en").out())
                .isEqualTo("Account admin@aqoci.qc.ca added: administrator, regions --.\n");
        assertThat(new Argon2idHash().matches(PASSWORD.toCharArray(),
                server.accounts().passwordHash("admin@aqoci.qc.ca").orElseThrow())).isTrue();
        jqsi(PASSWORD, "accounts", "add", "marie@cs3r.org", "--role", "coordinator", "--region", "04,05",
                "--password-stdin");

        Run listed = jqsi("", "accounts", "list", "--lang", "en");
        assertThat(listed.status()).isZero();
        String today = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(Region.EASTERN)
                .format(Instant.now());
        assertThat(listed.out().lines().toList()).hasSize(2).first().asString()
                .startsWith("admin@aqoci.qc.ca  administrator  --  enabled  ");
        assertThat(listed.out()).contains("marie@cs3r.org  regional coordinator  04,05  enabled  ")
                .contains(today);
        assertThat(jqsi("", "accounts", "list").out()).contains("marie@cs3r.org  coordination régionale  04,05  actif");
    }

    @Test
    void disablingAnAccountEndsItsSessionsAndKeepsIt() throws Exception {
        jqsi(PASSWORD, "accounts", "add", "marie@cs3r.org", "--role", "coordinator", "--region", "04",
                "--password-stdin");
        String token = server.accounts().createSession("marie@cs3r.org", Instant.now()).token();

        Run disabled = jqsi("", "accounts", "disable", "MARIE@cs3r.org");
        assertThat(disabled.status()).isZero();
        assertThat(disabled.out()).isEqualTo("Le compte marie@cs3r.org est désactivé : il ne peut plus se connecter, "
                + "et ses sessions sont terminées.\n");
        assertThat(server.accounts().findSession(token, Instant.now())).isEmpty();
        assertThat(jqsi("", "accounts", "list", "--lang", "en").out()).contains("marie@cs3r.org  regional coordinator  "
                + "04  disabled");

        Run unknown = jqsi("", "accounts", "disable", "nobody@example.org", "--lang", "en");
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("jqsi accounts disable: no account for nobody@example.org\n");
    }

    @Test
    void anAddressHasOneAccount() {
        jqsi(PASSWORD, "accounts", "add", "marie@cs3r.org", "--role", "coordinator", "--region", "04",
                "--password-stdin");

        Run again = jqsi(PASSWORD, "accounts", "add", "Marie@cs3r.org", "--role", "administrator",
                "--password-stdin");
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("jqsi accounts add : un compte existe déjà pour marie@cs3r.org\n");
        assertThat(server.accounts().find("marie@cs3r.org").orElseThrow().role()).isEqualTo(Role.COORDINATOR);
    }

    @Test
    void aShortEmptyOrNonUtf8PasswordIsRefusedAndNothingAdded() {
        Run tooShort = jqsi("court\n", "accounts", "add", "marie@cs3r.org", "--role", "coordinator", "--region", "04",
                "--password-stdin");
        assertThat(tooShort.status()).isEqualTo(1);
        assertThat(tooShort.err()).isEqualTo("jqsi accounts add : un mot de passe a de 12 à 1024 caractères, et non 5 ; "
                + "rien n'est ajouté\n");
        assertThat(jqsi("", "accounts", "add", "marie@cs3r.org", "--role", "coordinator", "--region", "04",
                "--password-stdin", "--lang", "en").err()).contains("not 0; nothing is added");
        Run latin1 = jqsi(PASSWORD.getBytes(StandardCharsets.ISO_8859_1), "accounts", "add", "marie@cs3r.org",
                "--role", "coordinator", "--region", "04", "--password-stdin");
        assertThat(latin1.status()).isEqualTo(1);
        assertThat(latin1.err()).contains("le mot de passe sur l'entrée standard n'est pas du texte UTF-8");
        assertThat(server.accounts().list()).isEmpty();
    }

    @Test
    void withoutATerminalOrPasswordStdinNothingIsAskedAndItIsBadUsage() {
        Run noTerminal = jqsi("", "accounts", "add", "marie@cs3r.org", "--role", "coordinator", "--region", "04",
                "--lang", "en");

        assertThat(noTerminal.status()).isEqualTo(2);
        assertThat(noTerminal.err()).isEqualTo("jqsi accounts add: no terminal to ask the password on: give it on "
                + "standard input with --password-stdin\n");
        assertThat(server.accounts().list()).isEmpty();
    }

    @Test
    void badUsageIsSaidInTheRunsLanguageWithExitStatus2() {
        Run noRegion = jqsi("", "accounts", "add", "marie@cs3r.org", "--role", "coordinator", "--password-stdin");
        assertThat(noRegion.status()).isEqualTo(2);
        assertThat(noRegion.err()).isEqualTo("jqsi accounts add : --region : une coordination révise au moins une "
                + "région : donnez son code, comme --region 04\n");
        Run adminRegion = jqsi("", "accounts", "add", "admin@aqoci.qc.ca", "--role", "administrator", "--region",
                "04", "--password-stdin", "--lang", "en");
        assertThat(adminRegion.status()).isEqualTo(2);
        assertThat(adminRegion.err()).contains("--region: an administrator reviews every region: give no --region");
        Run badRole = jqsi("", "accounts", "add", "marie@cs3r.org", "--role", "admin", "--password-stdin",
                "--lang", "en");
        assertThat(badRole.status()).isEqualTo(2);
        assertThat(badRole.err()).contains("--role: expected coordinator or administrator, not \"admin\"");
        Run badRegion = jqsi("", "accounts", "add", "marie@cs3r.org", "--role", "coordinator", "--region", "99",
                "--password-stdin");
        assertThat(badRegion.status()).isEqualTo(2);
        Run badEmail = jqsi("", "accounts", "add", "marie", "--role", "coordinator", "--region", "04",
                "--password-stdin", "--lang", "en");
        assertThat(badEmail.status()).isEqualTo(2);
        assertThat(badEmail.err()).contains("expected an e-mail address, such as coordination@cs3r.org, not \"marie\"");
        Run noRole = jqsi("", "accounts", "add", "marie@cs3r.org", "--password-stdin");
        assertThat(noRole.status()).isEqualTo(2);
        Run noSubcommand = CommandLineTest.jqsi("accounts");
        assertThat(noSubcommand.status()).isEqualTo(2);
        assertThat(noSubcommand.err()).contains("il manque la sous-commande : add, list ou disable");
        assertThat(server.accounts().list()).isEmpty();
    }
}
