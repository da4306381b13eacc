package org.jqsi.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Origin;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.sample.SampleProgram;
import org.junit.jupiter.api.Test;

class ActivityJsonTest {

    @Test
    void everyActivityOfTheSampleReadsBackEqualAndWritesTheSameBytes() throws Exception {
        ProgramData sample = SampleProgram.data();
        for (Activity activity : sample.activities()) {
            Activity owned = activity.toBuilder().origin(Origin.submission("s-7k2xq9pm4d")).build();
            String json = ActivityJson.write(owned);
            assertThat(json).doesNotContain("\n").contains("\"origin\":{\"source\":\"submission\"");
            assertThat(ActivityJson.read(json)).isEqualTo(owned);
            assertThat(ActivityJson.write(ActivityJson.read(json))).isEqualTo(json);
        }
    }

    @Test
    void somethingElseIsRefusedWithWhy() {
        assertThatThrownBy(() -> ActivityJson.read("{\"id\": 3}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not an activity");
    }
}
