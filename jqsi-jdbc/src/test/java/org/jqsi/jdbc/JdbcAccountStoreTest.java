package org.jqsi.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jqsi.core.account.Account;
import org.jqsi.core.account.AccountException;
import org.jqsi.core.account.AccountStore;
import org.jqsi.core.account.LoginThrottle;
import org.jqsi.core.account.Role;
import org.jqsi.core.account.Session;
import org.jqsi.core.account.SessionPolicy;
import org.jqsi.core.account.SessionTokens;
import org.jqsi.core.model.Region;
import org.jqsi.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The account store's contract ({@link AccountStore}'s Javadoc), on each database for real, with a fixed clock. */
@ParameterizedClass
@EnumSource(TestDatabases.Kind.class)
class JdbcAccountStoreTest extends OnEachDatabase {

    private static final Instant CREATED = Instant.parse("2021-09-01T12:00:00.123456Z");
    private static final Instant LOGIN = Instant.parse("2021-11-09T13:00:00Z");
    private static final SessionPolicy POLICY = new SessionPolicy(Duration.ofHours(2), Duration.ofHours(12));
    private static final LoginThrottle THROTTLE = new LoginThrottle(3, 5, Duration.ofMinutes(15));
    private static final String OFFICE = "203.0.113.7";
    private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";

    private Database database;
    private AccountStore store;

    @BeforeEach
    void open() {
        database = fresh.open();
        store = new JdbcAccountStore(database, POLICY, THROTTLE, new SessionTokens());
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void accountsAreAddedFoundAndListedWithTheirRegions() throws Exception {
        Account marie = store.add(Account.coordinator("Marie@CS3R.org", EnumSet.of(Region.MAURICIE,
                Region.CENTRE_DU_QUEBEC), CREATED), HASH);
        store.add(Account.administrator("admin@aqoci.qc.ca", CREATED), HASH);

        assertThat(marie.created()).isEqualTo(Instant.parse("2021-09-01T12:00:00.123Z"));
        assertThat(store.find(" MARIE@cs3r.org")).contains(marie);
        assertThat(store.find("nobody@example.org")).isEmpty();
        assertThat(store.find("not an address")).isEmpty();
        assertThat(store.list()).extracting(Account::email, Account::role, Account::regions).containsExactly(
                org.assertj.core.groups.Tuple.tuple("admin@aqoci.qc.ca", Role.ADMINISTRATOR, Set.of()),
                org.assertj.core.groups.Tuple.tuple("marie@cs3r.org", Role.COORDINATOR,
                        EnumSet.of(Region.MAURICIE, Region.CENTRE_DU_QUEBEC)));
        assertThat(store.passwordHash("marie@cs3r.org")).contains(HASH);
    }

    @Test
    void anAddressHasOneAccountWhateverItsCase() throws Exception {
        store.add(Account.administrator("admin@aqoci.qc.ca", CREATED), HASH);

        assertThatThrownBy(() -> store.add(Account.coordinator("ADMIN@aqoci.qc.ca", Set.of(Region.ESTRIE), CREATED),
                HASH)).isInstanceOfSatisfying(AccountException.class,
                        e -> assertThat(e.reason()).isEqualTo(AccountException.Reason.EXISTS));
        assertThat(store.find("admin@aqoci.qc.ca")).get().extracting(Account::role).isEqualTo(Role.ADMINISTRATOR);
    }

    @Test
    void anotherProcessSeesTheAccountsAndSessions() throws Exception {
        store.add(Account.coordinator("marie@cs3r.org", Set.of(Region.MAURICIE), CREATED), HASH);
        AccountStore.NewSession session = store.createSession("marie@cs3r.org", LOGIN);

        try (Database other = fresh.open()) {
            AccountStore elsewhere = new JdbcAccountStore(other, POLICY, THROTTLE, new SessionTokens());
            assertThat(elsewhere.find("marie@cs3r.org")).isPresent();
            assertThat(elsewhere.findSession(session.token(), LOGIN.plusSeconds(60))).contains(session.session());
            elsewhere.deleteSession(session.token());
        }
        assertThat(store.findSession(session.token(), LOGIN.plusSeconds(61))).isEmpty();
    }

    @Test
    void disablingKeepsTheAccountEndsItsSessionsAndRefusesNewOnes() throws Exception {
        store.add(Account.coordinator("marie@cs3r.org", Set.of(Region.MAURICIE), CREATED), HASH);
        String token = store.createSession("marie@cs3r.org", LOGIN).token();

        Account disabled = store.disable("Marie@cs3r.org");

        assertThat(disabled.disabled()).isTrue();
        assertThat(store.find("marie@cs3r.org")).contains(disabled);
        assertThat(store.findSession(token, LOGIN.plusSeconds(1))).isEmpty();
        assertThatThrownBy(() -> store.createSession("marie@cs3r.org", LOGIN.plusSeconds(2)))
                .isInstanceOf(AccountException.class);
        assertThat(store.disable("marie@cs3r.org").disabled()).isTrue();
        assertThatThrownBy(() -> store.disable("nobody@example.org")).isInstanceOfSatisfying(AccountException.class,
                e -> assertThat(e.reason()).isEqualTo(AccountException.Reason.NOT_FOUND));
    }

    @Test
    void aRehashReplacesOnlyTheHashItWasMadeFrom() throws Exception {
        store.add(Account.administrator("admin@aqoci.qc.ca", CREATED), HASH);
        String stronger = "$argon2id$v=19$m=65536,t=3,p=1$bmV3$bmV3";
        String changed = "$argon2id$v=19$m=65536,t=3,p=1$Y2hn$Y2hn";

        assertThat(store.rehashPassword("Admin@AQOCI.qc.ca", HASH, stronger)).isTrue();
        assertThat(store.passwordHash("admin@aqoci.qc.ca")).contains(stronger);
        // Changed meanwhile (an administrator set a new password): a late rehash of the old one does not undo it.
        store.setPasswordHash("admin@aqoci.qc.ca", changed);
        assertThat(store.rehashPassword("admin@aqoci.qc.ca", stronger, HASH)).isFalse();
        assertThat(store.passwordHash("admin@aqoci.qc.ca")).contains(changed);
        assertThat(store.rehashPassword("nobody@example.org", HASH, stronger)).isFalse();
        assertThat(store.rehashPassword("not an address", HASH, stronger)).isFalse();
    }

    @Test
    void aPasswordHashIsReplaced() throws Exception {
        store.add(Account.administrator("admin@aqoci.qc.ca", CREATED), HASH);

        store.setPasswordHash("admin@aqoci.qc.ca", "$argon2id$v=19$m=65536,t=3,p=1$bmV3$bmV3");

        assertThat(store.passwordHash("admin@aqoci.qc.ca")).contains("$argon2id$v=19$m=65536,t=3,p=1$bmV3$bmV3");
        assertThat(store.passwordHash("nobody@example.org")).isEmpty();
        assertThatThrownBy(() -> store.setPasswordHash("nobody@example.org", HASH))
                .isInstanceOf(AccountException.class);
    }

    @Test
    void aSessionIsStoredUnderItsTokensHashOnly() throws Exception {
        store.add(Account.administrator("admin@aqoci.qc.ca", CREATED), HASH);
        AccountStore.NewSession created = store.createSession("admin@aqoci.qc.ca", LOGIN);

        assertThat(created.session()).isEqualTo(new Session("admin@aqoci.qc.ca", LOGIN, LOGIN,
                LOGIN.plus(POLICY.absolute())));
        java.util.List<String> stored = database.jdbi().withHandle(h -> h.createQuery("SELECT token_hash FROM sessions")
                .mapTo(String.class).list());
        assertThat(stored).containsExactly(SessionTokens.hash(created.token()));
        assertThat(store.findSession("not-a-token", LOGIN)).isEmpty();
        assertThat(store.findSession("", LOGIN)).isEmpty();
        assertThatThrownBy(() -> store.createSession("nobody@example.org", LOGIN))
                .isInstanceOf(AccountException.class);
    }

    @Test
    void aSessionExpiresWhenIdleUnlessTouchedAndAtItsAbsoluteEndWhatever() throws Exception {
        store.add(Account.administrator("admin@aqoci.qc.ca", CREATED), HASH);
        String token = store.createSession("admin@aqoci.qc.ca", LOGIN).token();
        String idle = store.createSession("admin@aqoci.qc.ca", LOGIN).token();

        assertThat(store.findSession(idle, LOGIN.plus(Duration.ofMinutes(119)))).isPresent();
        assertThat(store.findSession(idle, LOGIN.plus(Duration.ofHours(2)))).isEmpty();

        // Used every 90 minutes: never idle for two hours, ended at twelve all the same.
        Instant at = LOGIN;
        for (int i = 0; i < 7; i++) {
            at = at.plus(Duration.ofMinutes(90));
            Optional<Session> touched = store.touchSession(token, at);
            assertThat(touched).as("at %s", at).get().extracting(Session::lastSeen).isEqualTo(at);
        }
        assertThat(store.findSession(token, LOGIN.plus(Duration.ofHours(11).plusMinutes(59)))).isPresent();
        assertThat(store.touchSession(token, LOGIN.plus(Duration.ofHours(12)))).isEmpty();
        assertThat(store.findSession(token, LOGIN.plus(Duration.ofHours(12)))).isEmpty();
    }

    @Test
    void expiredSessionsAreDeletedAndLiveOnesKept() throws Exception {
        store.add(Account.administrator("admin@aqoci.qc.ca", CREATED), HASH);
        store.createSession("admin@aqoci.qc.ca", LOGIN);
        String live = store.createSession("admin@aqoci.qc.ca", LOGIN.plus(Duration.ofHours(1))).token();

        assertThat(store.deleteExpiredSessions(LOGIN.plus(Duration.ofHours(2)))).isEqualTo(1);
        assertThat(store.findSession(live, LOGIN.plus(Duration.ofHours(2)))).isPresent();
        assertThat(store.deleteExpiredSessions(LOGIN.plus(Duration.ofHours(2)))).isZero();
    }

    @Test
    void loggingOutEndsTheSessionOnly() throws Exception {
        store.add(Account.administrator("admin@aqoci.qc.ca", CREATED), HASH);
        String laptop = store.createSession("admin@aqoci.qc.ca", LOGIN).token();
        String phone = store.createSession("admin@aqoci.qc.ca", LOGIN).token();

        store.deleteSession(laptop);
        store.deleteSession(laptop);

        assertThat(store.findSession(laptop, LOGIN.plusSeconds(1))).isEmpty();
        assertThat(store.findSession(phone, LOGIN.plusSeconds(1))).isPresent();
    }

    @Test
    void anAccountIsThrottledAfterItsFailuresUntilTheOldestLeavesTheWindow() {
        Instant first = LOGIN;
        store.recordLogin("marie@cs3r.org", OFFICE, false, first);
        store.recordLogin("Marie@CS3R.org", "198.51.100.1", false, first.plusSeconds(60));
        assertThat(store.loginBlockedUntil("marie@cs3r.org", OFFICE, first.plusSeconds(61))).isEmpty();

        store.recordLogin("marie@cs3r.org", "198.51.100.2", false, first.plusSeconds(120));

        Instant until = first.plus(THROTTLE.window());
        assertThat(store.loginBlockedUntil("MARIE@cs3r.org", "192.0.2.99", first.plusSeconds(121))).contains(until);
        assertThat(store.loginBlockedUntil("marie@cs3r.org", OFFICE, until.minusMillis(1))).contains(until);
        assertThat(store.loginBlockedUntil("marie@cs3r.org", OFFICE, until)).isEmpty();
        assertThat(store.loginBlockedUntil("pierre@cs3r.org", OFFICE, first.plusSeconds(121))).isEmpty();
    }

    @Test
    void aSuccessfulLogInStartsTheAccountsCountAgainButNotTheAddresss() {
        store.recordLogin("marie@cs3r.org", OFFICE, false, LOGIN);
        store.recordLogin("marie@cs3r.org", OFFICE, false, LOGIN.plusSeconds(1));
        store.recordLogin("marie@cs3r.org", OFFICE, true, LOGIN.plusSeconds(2));
        store.recordLogin("marie@cs3r.org", OFFICE, false, LOGIN.plusSeconds(3));
        store.recordLogin("marie@cs3r.org", OFFICE, false, LOGIN.plusSeconds(4));
        assertThat(store.loginBlockedUntil("marie@cs3r.org", OFFICE, LOGIN.plusSeconds(5))).isEmpty();

        // The address's fifth failure within the window: refused from there, for any account.
        store.recordLogin("pierre@cs3r.org", OFFICE, false, LOGIN.plusSeconds(5));
        Instant until = LOGIN.plus(THROTTLE.window());
        assertThat(store.loginBlockedUntil("jeanne@cs3r.org", OFFICE, LOGIN.plusSeconds(6))).contains(until);
        assertThat(store.loginBlockedUntil("jeanne@cs3r.org", "198.51.100.1", LOGIN.plusSeconds(6))).isEmpty();
        assertThat(store.loginBlockedUntil("marie@cs3r.org", OFFICE, until)).isEmpty();
    }

    @Test
    void theLaterOfTheTwoBlocksIsGiven() {
        for (int i = 0; i < 5; i++) {
            store.recordLogin("guess" + i + "@example.org", OFFICE, false, LOGIN.plusSeconds(i));
        }
        for (int i = 0; i < 3; i++) {
            store.recordLogin("marie@cs3r.org", "198.51.100.1", false, LOGIN.plusSeconds(100 + i));
        }

        assertThat(store.loginBlockedUntil("marie@cs3r.org", OFFICE, LOGIN.plusSeconds(200)))
                .contains(LOGIN.plusSeconds(100).plus(THROTTLE.window()));
    }

    @Test
    void whatIsTypedIsThrottledEvenWhenItIsNoAddress() {
        String notAnAddress = "x".repeat(400);
        for (int i = 0; i < 3; i++) {
            store.recordLogin(notAnAddress, "2001:db8:0:0:0:0:0:1", false, LOGIN.plusSeconds(i));
        }

        assertThat(store.loginBlockedUntil(notAnAddress, "192.0.2.1", LOGIN.plusSeconds(3))).isPresent();
    }

    @Test
    void oldAttemptsAreForgotten() {
        store.recordLogin("marie@cs3r.org", OFFICE, false, LOGIN);
        store.recordLogin("marie@cs3r.org", OFFICE, false, LOGIN.plus(Duration.ofMinutes(20)));

        assertThat(store.deleteLoginAttemptsBefore(LOGIN.plus(Duration.ofMinutes(5)))).isEqualTo(1);
        assertThat(store.deleteLoginAttemptsBefore(LOGIN.plus(Duration.ofMinutes(5)))).isZero();
    }
}
