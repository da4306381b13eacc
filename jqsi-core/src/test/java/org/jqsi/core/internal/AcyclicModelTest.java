package org.jqsi.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.hibernate.validator.spi.tracking.ProcessedBeansTrackingVoter.Vote;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.model.Place;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.program.ProgramSource;
import org.junit.jupiter.api.Test;

class AcyclicModelTest {

    private final AcyclicModel voter = new AcyclicModel();

    /** Someone else's record may hold a mutable object that loops back: it keeps Hibernate Validator's tracking. */
    record Foreign(java.util.List<Object> values) {
    }

    @Test
    void theModelsRecordsNeedNoTracking() {
        assertThat(voter.isEnabledForBean(Activity.class, true)).isEqualTo(Vote.NON_TRACKING);
        assertThat(voter.isEnabledForBean(LocalizedText.class, false)).isEqualTo(Vote.NON_TRACKING);
        assertThat(voter.isEnabledForBean(Place.Venue.class, true)).isEqualTo(Vote.NON_TRACKING);
        assertThat(voter.isEnabledForBean(ProgramData.class, true)).isEqualTo(Vote.NON_TRACKING);
    }

    @Test
    void everythingElseKeepsHibernateValidatorsChoice() {
        assertThat(voter.isEnabledForBean(Foreign.class, true)).isEqualTo(Vote.DEFAULT);
        assertThat(voter.isEnabledForBean(ProgramSource.class, true)).isEqualTo(Vote.DEFAULT);
        assertThat(voter.isEnabledForBean(String.class, false)).isEqualTo(Vote.DEFAULT);
        assertThat(voter.isEnabledForReturnValue(Activity.class, "title", new Class<?>[0], true))
                .isEqualTo(Vote.DEFAULT);
        assertThat(voter.isEnabledForParameters(Activity.class, "of", new Class<?>[0], true)).isEqualTo(Vote.DEFAULT);
    }
}
