package org.jqsi.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Schedule;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.submission.Submission;
import org.jqsi.core.submission.SubmissionAction;
import org.jqsi.core.submission.SubmissionEvent;
import org.jqsi.core.submission.SubmissionState;
import org.jqsi.core.submission.Submitter;
import org.junit.jupiter.api.Test;

class AccountTest {

    private static final Instant CREATED = Instant.parse("2021-09-01T12:00:00Z");

    static Submission in(Region region) {
        Activity activity = Activity.builder("atelier-1").edition(SampleProgram.EDITION_2021)
                .kind(ActivityKind.WORKSHOP).title(LocalizedText.fr("Atelier"))
                .schedule(Schedule.Timed.at(LocalDateTime.of(2021, 11, 9, 18, 30), Region.EASTERN)).region(region)
                .build();
        return new Submission("s-1", Submission.Kind.NEW, null, activity,
                new Submitter("Comité de solidarité/Trois-Rivières", "programme@example.org"), SubmissionState.PENDING,
                List.of(new SubmissionEvent(CREATED, SubmissionEvent.SUBMITTER, SubmissionAction.SUBMIT,
                        SubmissionState.PENDING, null)));
    }

    @Test
    void aCoordinatorReviewsTheSubmissionsOfTheirRegionsOnly() {
        Account mauricieAndEstrie = Account.coordinator("marie@cs3r.org", EnumSet.of(Region.MAURICIE, Region.ESTRIE),
                CREATED);

        assertThat(mauricieAndEstrie.mayReview(in(Region.MAURICIE))).isTrue();
        assertThat(mauricieAndEstrie.mayReview(in(Region.ESTRIE))).isTrue();
        assertThat(mauricieAndEstrie.mayReview(in(Region.MONTREAL))).isFalse();
    }

    @Test
    void aProvinceWideSubmissionIsReviewedByAdministratorsOnly() {
        Account everyRegion = Account.coordinator("tous@aqoci.qc.ca", EnumSet.allOf(Region.class), CREATED);
        Account administrator = Account.administrator("admin@aqoci.qc.ca", CREATED);

        assertThat(everyRegion.mayReview(in(null))).isFalse();
        assertThat(administrator.mayReview(in(null))).isTrue();
        assertThat(administrator.mayReview(in(Region.OUTAOUAIS))).isTrue();
    }

    @Test
    void aDisabledAccountReviewsNothing() {
        Account administrator = Account.administrator("admin@aqoci.qc.ca", CREATED).disable();
        Account coordinator = Account.coordinator("marie@cs3r.org", Set.of(Region.MAURICIE), CREATED).disable();

        assertThat(administrator.disabled()).isTrue();
        assertThat(administrator.mayReview(in(Region.MAURICIE))).isFalse();
        assertThat(coordinator.mayReview(in(Region.MAURICIE))).isFalse();
    }

    @Test
    void theAddressIsKeptStrippedAndLowerCased() {
        assertThat(Account.administrator("  Marie.Dupont@CS3R.org ", CREATED).email())
                .isEqualTo("marie.dupont@cs3r.org");
        for (String notOne : List.of("", "  ", "marie", "@cs3r.org", "marie@", "marie dupont@cs3r.org",
                "a".repeat(250) + "@x.org")) {
            assertThatThrownBy(() -> Account.normalizeEmail(notOne)).as(notOne)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aCoordinatorHasRegionsAndAnAdministratorNone() {
        assertThatThrownBy(() -> Account.coordinator("marie@cs3r.org", Set.of(), CREATED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one region");
        assertThatThrownBy(() -> new Account("admin@aqoci.qc.ca", Role.ADMINISTRATOR, Set.of(Region.MAURICIE), false,
                CREATED)).isInstanceOf(IllegalArgumentException.class);
        Set<Region> given = EnumSet.of(Region.MAURICIE);
        Account account = Account.coordinator("marie@cs3r.org", given, CREATED);
        given.add(Region.ESTRIE);
        assertThat(account.regions()).containsExactly(Region.MAURICIE);
        assertThatThrownBy(() -> account.regions().add(Region.ESTRIE))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rolesHaveCodesAndNamesInBothLanguages() {
        assertThat(Role.ofCode(" Coordinator ")).contains(Role.COORDINATOR);
        assertThat(Role.ofCode("administrator")).contains(Role.ADMINISTRATOR);
        assertThat(Role.ofCode("admin")).isEmpty();
        assertThat(Role.COORDINATOR.displayName().in(Language.FR)).isEqualTo("coordination régionale");
        assertThat(Role.COORDINATOR.displayName().in(Language.EN)).isEqualTo("regional coordinator");
        assertThat(AccountException.exists("marie@cs3r.org").text().in(Language.FR))
                .isEqualTo("un compte existe déjà pour marie@cs3r.org");
    }

    @Test
    void aSessionEndsWhenIdleTooLongOrAtItsExpiry() {
        SessionPolicy policy = new SessionPolicy(Duration.ofHours(2), Duration.ofHours(12));
        Instant login = Instant.parse("2021-11-09T13:00:00Z");
        Session fresh = new Session("marie@cs3r.org", login, login, login.plus(policy.absolute()));

        assertThat(fresh.validAt(login.plus(Duration.ofMinutes(119)), policy)).isTrue();
        assertThat(fresh.validAt(login.plus(Duration.ofHours(2)), policy)).isFalse();
        Session used = new Session("marie@cs3r.org", login, login.plus(Duration.ofHours(11)), fresh.expires());
        assertThat(used.validAt(login.plus(Duration.ofHours(11).plusMinutes(59)), policy)).isTrue();
        assertThat(used.validAt(login.plus(Duration.ofHours(12)), policy)).isFalse();
        assertThatThrownBy(() -> new SessionPolicy(Duration.ofHours(2), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sessionTokensAreLongRandomAndStoredHashed() {
        SessionTokens tokens = new SessionTokens();
        String token = tokens.newToken();

        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(tokens.newToken());
        assertThat(SessionTokens.hash(token)).hasSize(64).matches("[0-9a-f]+").isNotEqualTo(token)
                .isEqualTo(SessionTokens.hash(token));
    }
}
