package org.jqsi.sheets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Dates and times as organisers type them. */
class WrittenDatesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2021-11-12 16:00          | 2021-11-12 | 16:00",
        "2021-11-12T16:00          | 2021-11-12 | 16:00",
        "2021-11-12T16:00:00       | 2021-11-12 | 16:00",
        "2021/11/12 16:00          | 2021-11-12 | 16:00",
        "12/11/2021 16 h           | 2021-11-12 | 16:00",
        "12/11/2021 16h            | 2021-11-12 | 16:00",
        "12-11-2021 16:30          | 2021-11-12 | 16:30",
        "12.11.2021 16 h 30        | 2021-11-12 | 16:30",
        "12 novembre 2021 16h30    | 2021-11-12 | 16:30",
        "12 novembre 2021 à 16 h 30 | 2021-11-12 | 16:30",
        "vendredi 12 novembre 2021, 16 h | 2021-11-12 | 16:00",
        "Vendredi 12 nov. 2021     | 2021-11-12 |",
        "1er novembre 2021         | 2021-11-01 |",
        "le 12 novembre à 19 h     | 2021-11-12 | 19:00",
        "12 NOVEMBRE 2021          | 2021-11-12 |",
        "12 Novembre               | 2021-11-12 |",
        "12/11                     | 2021-11-12 |",
        "2021-11-12 4:00 PM        | 2021-11-12 | 16:00",
        "2021-11-12 4 p.m.         | 2021-11-12 | 16:00",
        "2021-11-12 12 PM          | 2021-11-12 | 12:00",
        "2021-11-12 12:30 am       | 2021-11-12 | 00:30",
        "November 12, 2021 4:00 PM | 2021-11-12 | 16:00",
        "November 12, 2021 at 4:30 PM | 2021-11-12 | 16:30",
        "Fri, Nov 12 2021          | 2021-11-12 |",
        "12 November 2021          | 2021-11-12 |",
        "Nov 12th, 2021 7 PM       | 2021-11-12 | 19:00",
        "16h                       |            | 16:00",
        "16 h 30                   |            | 16:30",
        "16:30                     |            | 16:30",
        "4:30 PM                   |            | 16:30",
        "2021-11-12                | 2021-11-12 |",
        "  2021-11-12\u00A016:00   | 2021-11-12 | 16:00",
        "11 février 2022           | 2022-02-11 |",
        "3 août 2021               | 2021-08-03 |",
        "29/02/2024                | 2024-02-29 |",
    })
    void readsTheFormsOrganisersType(String text, LocalDate date, LocalTime time) throws Exception {
        WrittenDates.Moment moment = WrittenDates.parse(text, 2021);

        assertThat(moment.date()).isEqualTo(date);
        assertThat(moment.time()).isEqualTo(time);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "11/13/2021          | date.month-first",
        "31/11/2021          | date.no-such-day",
        "29/02/2021          | date.no-such-day",
        "12/11/21            | date.short-year",
        "2021-13-01          | date.no-such-month",
        "samedi 12 novembre 2021 | date.wrong-weekday",
        "demain              | date.unreadable",
        "12 brumaire 2021    | date.unreadable",
        "2021-11-12 25:00    | time.impossible",
        "2021-11-12 13 PM    | time.twelve-hours",
        "2021-11-12 16 h 75  | time.impossible",
    })
    void refusesWhatItCannotReadSayingWhy(String text, String code) {
        assertThatThrownBy(() -> WrittenDates.parse(text, 2021))
                .isInstanceOfSatisfying(WrittenDates.Unreadable.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"à confirmer", "A CONFIRMER", "Date à confirmer", "à venir", "TBA", "to be announced",
        "À déterminer."})
    void knowsWhenADateIsNotKnownYet(String text) {
        assertThat(WrittenDates.isToBeAnnounced(text)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"16 h | 16:00", "16h30 | 16:30", "4:30 PM | 16:30", "9:05 | 09:05"})
    void readsATimeAlone(String text, LocalTime time) throws Exception {
        assertThat(WrittenDates.parseTime(text)).isEqualTo(time);
    }
}
