package org.jqsi.core.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Ids;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.Origin;
import org.jqsi.core.model.Region;
import org.jqsi.core.model.Schedule;
import org.junit.jupiter.api.Test;

class SourceIdsTest {

    private static Activity activity(String id, Origin origin) {
        return Activity.builder(id).edition("jqsi-2021").kind(ActivityKind.OTHER).title(LocalizedText.fr("A"))
                .schedule(new Schedule.Timed(LocalDateTime.of(2021, 11, 5, 19, 0), null, Region.EASTERN))
                .origin(origin).build();
    }

    @Test
    void anEventTakesItsNaturalIdUnlessAnotherOwnerHasItAndThenKeepsTheOneItTook() {
        List<Activity> program = List.of(activity("quiz", Origin.PROGRAM_FILE),
                activity("cine", Origin.of("cs3r-agenda", "cine@x")),
                activity("autre", Origin.of("ceci-agenda", "autre@x")));
        SourceIds ids = new SourceIds("cs3r-agenda", program, a -> false);

        assertThat(ids.claim("nouveau")).isEqualTo(new SourceIds.Claim("nouveau", null));
        assertThat(ids.claim("cine")).isEqualTo(new SourceIds.Claim("cine", null));
        assertThat(ids.claim("quiz")).isEqualTo(new SourceIds.Claim("cs3r-agenda-quiz", program.get(0)));
        assertThat(ids.claim("autre")).isEqualTo(new SourceIds.Claim("cs3r-agenda-autre", program.get(2)));

        // Renamed once, it stays renamed after the file's activity is gone.
        SourceIds later = new SourceIds("cs3r-agenda", List.of(activity("cs3r-agenda-quiz",
                Origin.of("cs3r-agenda", "quiz@x"))), a -> false);
        assertThat(later.claim("quiz")).isEqualTo(new SourceIds.Claim("cs3r-agenda-quiz", null));
    }

    @Test
    void whenBothIdsBelongToOthersTheEventIsRefusedAndAnAdoptableActivityIsTaken() {
        List<Activity> program = List.of(activity("quiz", Origin.PROGRAM_FILE),
                activity("cs3r-agenda-quiz", Origin.PROGRAM_FILE));
        assertThat(new SourceIds("cs3r-agenda", program, a -> false).claim("quiz").refused()).isTrue();
        assertThat(new SourceIds("cs3r-agenda", program, a -> a.id().equals("quiz")).claim("quiz"))
                .isEqualTo(new SourceIds.Claim("quiz", null));
    }

    @Test
    void aNamespacedIdIsASlugOfAtMostTheLongestId() {
        String id = "a".repeat(60) + "-" + "b".repeat(39);
        String namespaced = SourceIds.namespaced("cs3r-agenda", id);

        assertThat(namespaced).hasSizeLessThanOrEqualTo(Ids.MAX_LENGTH).matches(Ids.SLUG).startsWith("cs3r-agenda-aaa");
        assertThat(SourceIds.namespaced("cs3r-agenda", id + "c")).isNotEqualTo(namespaced);
        assertThat(SourceIds.namespaced("cs3r", "quiz")).isEqualTo("cs3r-quiz");
    }
}
