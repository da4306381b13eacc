package org.jqsi.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.jqsi.core.model.Language;
import org.junit.jupiter.api.Test;

class DateTextsTest {

    private final DateTexts fr = DateTexts.of(Language.FR);
    private final DateTexts en = DateTexts.of(Language.EN);

    @Test
    void frenchTheQuebecWay() {
        assertThat(fr.dayAndTime(LocalDateTime.of(2020, 11, 12, 16, 0))).isEqualTo("jeudi 12 novembre 2020, 16 h");
        assertThat(fr.time(LocalTime.of(19, 30))).isEqualTo("19 h 30");
        assertThat(fr.time(LocalTime.of(9, 5))).isEqualTo("9 h 05");
        assertThat(fr.time(LocalTime.MIDNIGHT)).isEqualTo("0 h");
        assertThat(fr.day(LocalDate.of(2021, 11, 1))).isEqualTo("lundi 1er novembre 2021");
        assertThat(fr.shortDay(LocalDate.of(2020, 11, 13))).isEqualTo("13 novembre 2020");
    }

    @Test
    void englishTheCanadianWay() {
        assertThat(en.dayAndTime(LocalDateTime.of(2020, 11, 12, 16, 0)))
                .isEqualTo("Thursday, November 12, 2020, 4:00 p.m.");
        assertThat(en.time(LocalTime.of(9, 5))).isEqualTo("9:05 a.m.");
        assertThat(en.day(LocalDate.of(2021, 11, 1))).isEqualTo("Monday, November 1, 2021");
    }

    @Test
    void namesZonesOtherThanEasternTime() {
        assertThat(fr.zoneNameUnlessEastern(ZoneId.of("America/Toronto"))).isNull();
        assertThat(fr.zoneNameUnlessEastern(ZoneId.of("America/Montreal"))).isNull();
        assertThat(fr.zoneNameUnlessEastern(ZoneId.of("America/Halifax"))).isEqualTo("heure de l’Atlantique");
        assertThat(en.zoneNameUnlessEastern(ZoneId.of("America/Blanc-Sablon"))).isNotBlank();
    }
}
