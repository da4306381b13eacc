package org.jqsi.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.AttendanceMode;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.Program;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.core.validation.Problem;
import org.junit.jupiter.api.Test;

class RequestReaderTest {

    private static final Clock AFTER_2021 = Clock.fixed(Instant.parse("2026-11-23T15:00:00Z"), ZoneOffset.UTC);
    private static final Clock DURING_2021 = Clock.fixed(Instant.parse("2021-11-10T15:00:00Z"), ZoneOffset.UTC);

    private final Program program = Program.of(SampleProgram.data());
    private final RequestReader reader = new RequestReader(Language.FR, 20, AFTER_2021);

    @Test
    void normalisesWhatItKeepsSoThatEquivalentRequestsLookAlike() throws Exception {
        WidgetRequest a = reader.read(Map.of("region", new String[] {"Mauricie", "6"}, "kind", new String[] {
                "SCREENING", "panel"}, "mode", new String[] {"in-person"}, "free", new String[] {"on"},
                "q", new String[] {"  réfugiés "}), null, program);
        WidgetRequest b = reader.read(Map.of("region", new String[] {"06", "04"}, "kind", new String[] {"panel",
                "screening"}, "mode", new String[] {"IN_PERSON"}, "free", new String[] {"true"}, "q",
                new String[] {"réfugiés"}), null, program);
        assertThat(a.filters()).isEqualTo(b.filters());
        assertThat(a.filters()).containsEntry("region", List.of("04", "06"))
                .containsEntry("kind", List.of("panel", "screening"))
                .containsEntry("mode", List.of("in-person"))
                .containsEntry("free", List.of("true"))
                .containsEntry("q", List.of("réfugiés"));
        assertThat(a.query().regions()).containsExactlyInAnyOrder(Region.MAURICIE, Region.MONTREAL);
        assertThat(a.query().kinds()).containsExactlyInAnyOrder(ActivityKind.SCREENING, ActivityKind.PANEL);
        assertThat(a.query().modes()).containsExactly(AttendanceMode.IN_PERSON);
        assertThat(a.query().freeOnly()).isTrue();
    }

    @Test
    void picksTheFeaturedEditionWhenNoneIsNamedAndKeepsItOutOfLinks() throws Exception {
        WidgetRequest after = reader.read(Map.of(), null, program);
        assertThat(after.defaultEdition()).isEqualTo(SampleProgram.EDITION_2020);
        assertThat(after.query().editionIds()).containsExactly(SampleProgram.EDITION_2020);
        assertThat(after.filters()).doesNotContainKey("edition");

        WidgetRequest during = new RequestReader(Language.FR, 20, DURING_2021).read(Map.of(), null, program);
        assertThat(during.defaultEdition()).isEqualTo(SampleProgram.EDITION_2021);

        WidgetRequest all = reader.read(Map.of("edition", new String[] {"all"}), null, program);
        assertThat(all.query().editionIds()).isEmpty();
        assertThat(all.defaultEdition()).isNull();
    }

    @Test
    void pagesBecomeOffsets() throws Exception {
        WidgetRequest third = reader.read(Map.of("page", new String[] {"3"}), null, program);
        assertThat(third.query().offset()).isEqualTo(40);
        assertThat(third.query().limit()).isEqualTo(20);
        assertThat(third.page()).isEqualTo(3);
    }

    @Test
    void readsDates() throws Exception {
        WidgetRequest request = reader.read(Map.of("from", new String[] {"2020-11-10"}, "to",
                new String[] {"2020-11-12"}), null, program);
        assertThat(request.query().from()).isEqualTo(LocalDate.of(2020, 11, 10));
        assertThat(request.query().to()).isEqualTo(LocalDate.of(2020, 11, 12));
    }

    @Test
    void choosesTheLanguage() {
        assertThat(reader.language(Map.of(), null)).isEqualTo(Language.FR);
        assertThat(reader.language(Map.of("lang", new String[] {"en-CA"}), null)).isEqualTo(Language.EN);
        assertThat(reader.language(Map.of("lang", new String[] {"xx"}), "en;q=0.8")).isEqualTo(Language.EN);
        assertThat(reader.language(Map.of(), "es-MX, en-GB;q=0.5")).isEqualTo(Language.EN);
        assertThat(reader.language(Map.of(), "*")).isEqualTo(Language.FR);
        assertThat(new RequestReader(Language.EN, 20, AFTER_2021).language(Map.of(), "de")).isEqualTo(Language.EN);
    }

    @Test
    void aMalformedAcceptLanguageGivesTheDefaultLanguage() {
        // The JDK's parser fails with ArrayIndexOutOfBoundsException on these, IllegalArgumentException on others.
        for (String header : new String[] {"-", "--", " - ", "-;q=0.5", "en,-", "fr;q=0.5,-", "*-", "a-", "en;q=x"}) {
            assertThat(reader.language(Map.of(), header)).as(header).isEqualTo(Language.FR);
        }
    }

    @Test
    void refusesWithEveryProblemNamed() {
        assertThatThrownBy(() -> reader.read(Map.of("region", new String[] {"99"}, "page", new String[] {"-1"}),
                "en", program))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> {
                    assertThat(e.language()).isEqualTo(Language.EN);
                    assertThat(e.problems()).extracting(Problem::where)
                            .containsExactlyInAnyOrder("region", "page");
                });
    }

    @Test
    void allEditionsWinsOverTheOtherEditionsNamed() throws Exception {
        WidgetRequest request = reader.read(Map.of("edition", new String[] {"jqsi-1999", "all", "jqsi-2020"}), null,
                program);
        assertThat(request.filters()).containsEntry("edition", List.of("all"));
        assertThat(request.query().editionIds()).isEmpty();
    }

    @Test
    void aRequestReadFromItsOwnLinkIsTheSameRequest() throws Exception {
        Map<String, String[]> every = new HashMap<>();
        every.put("edition", new String[] {"jqsi-2020", "jqsi-2021"});
        every.put("region", new String[] {"Mauricie", "6"});
        every.put("kind", new String[] {"SCREENING", "panel"});
        every.put("mode", new String[] {"online"});
        every.put("theme", new String[] {"migration-justice"});
        every.put("partner", new String[] {"aqoci"});
        every.put("from", new String[] {"2020-11-01"});
        every.put("to", new String[] {"2020-11-30"});
        every.put("free", new String[] {"yes"});
        every.put("language", new String[] {"fr"});
        every.put("accessibility", new String[] {"CAPTIONS", "sign-language"});
        every.put("q", new String[] {" réfugiés "});
        every.put("layout", new String[] {"Compact"});
        every.put("lang", new String[] {"en"});
        WidgetRequest request = reader.read(every, null, program);
        assertThat(request.filters().keySet()).as("every filter and presentation parameter is kept")
                .containsExactlyInAnyOrderElementsOf(RequestParameters.ALL.stream()
                        .filter(p -> p.role() != RequestParameter.Role.CONTROL).map(RequestParameter::name).toList());

        String link = new WidgetAddresses("https://jqsi.example.org/widget/", new Assets()).widget(request.filters(),
                request.language(), 1);
        WidgetRequest again = reader.read(queryOf(link), null, program);

        assertThat(again).isEqualTo(request);
    }

    @Test
    void everyParameterThatCanBeRefusedSaysWhyInBothLanguages() {
        for (RequestParameter<?> parameter : RequestParameters.ALL) {
            if (parameter.problemKey() == null) {
                continue;
            }
            for (Language language : Language.values()) {
                assertThat(Messages.of(language).lookup(parameter.problemKey())).as(parameter.name() + " " + language)
                        .isNotEqualTo(parameter.problemKey());
            }
        }
    }

    @Test
    void problemsAreTheCoresProblemsWithBothLanguages() {
        assertThatThrownBy(() -> reader.read(Map.of("kind", new String[] {"rave"}), null, program))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(problem -> {
                            assertThat(problem.where()).isEqualTo("kind");
                            assertThat(problem.code()).isEqualTo("error.kind");
                            assertThat(problem.severity()).isEqualTo(org.jqsi.core.validation.Severity.ERROR);
                            assertThat(problem.message(Language.FR)).isEqualTo("type d’activité inconnu « rave ».");
                            assertThat(problem.message(Language.EN)).isEqualTo("unknown kind of activity “rave”.");
                        }));
    }

    @Test
    void aThemeOrLanguageIsOneTheProgramHasAndARefusalListsTheirFirstTwenty() throws Exception {
        List<org.jqsi.core.model.Activity> activities = new java.util.ArrayList<>();
        org.jqsi.core.model.Activity model = program.activity(SampleProgram.DHEEPAN).orElseThrow();
        for (int i = 0; i < 25; i++) {
            activities.add(model.toBuilder().id("a-" + i).themeTags(List.of(String.format("theme-%02d", i)))
                    .languages(List.of(java.util.Locale.forLanguageTag(i == 0 ? "es" : "fcs"))).build());
        }
        Program tagged = Program.of(new org.jqsi.core.model.ProgramData(SampleProgram.editions(),
                SampleProgram.partners(), activities));
        Map<String, String[]> all = Map.of("edition", new String[] {"all"});

        assertThat(reader.read(with(all, "theme", "theme-24"), null, tagged).query().themeTag())
                .isEqualTo("theme-24");
        // Any edition's: a theme or a language is the program's, not only the edition's of the day.
        assertThat(reader.read(Map.of("theme", new String[] {"migration-justice"}), null, tagged).filters())
                .containsEntry("theme", List.of("migration-justice"));
        assertThat(reader.read(with(all, "language", "es-MX"), null, tagged).filters())
                .containsEntry("language", List.of("es"));
        assertThat(reader.read(with(all, "language", "fcs"), null, tagged).filters())
                .containsEntry("language", List.of("fcs"));
        // French and English whatever the program: the widget's own links name them.
        assertThat(reader.read(with(all, "language", "en"), null, tagged).filters())
                .containsEntry("language", List.of("en"));

        // Sorted: migration-justice, the 2020 edition's, then the activities' first nineteen.
        StringBuilder twenty = new StringBuilder("migration-justice, ");
        for (int i = 0; i < RequestReader.LISTED_VALUES - 1; i++) {
            twenty.append(String.format("theme-%02d, ", i));
        }
        assertThat(refusal(tagged, "theme", "theme-99").message(Language.EN))
                .isEqualTo("unknown theme “theme-99”: the program’s themes are " + twenty + "… (+6).");
        assertThat(refusal(tagged, "language", "de").message(Language.FR))
                .isEqualTo("langue d’activité inconnue « de » : utilisez l’un de ces codes : en, es, fcs, fr.");
        Program empty = Program.empty();
        assertThat(refusal(empty, "theme", "any").message(Language.EN))
                .isEqualTo("unknown theme “any”: the program’s themes are —.");
    }

    private static Map<String, String[]> with(Map<String, String[]> parameters, String name, String value) {
        Map<String, String[]> more = new HashMap<>(parameters);
        more.put(name, new String[] {value});
        return more;
    }

    private Problem refusal(Program in, String name, String value) {
        try {
            reader.read(Map.of(name, new String[] {value}), null, in);
        } catch (InvalidRequest e) {
            assertThat(e.problems()).singleElement().extracting(Problem::where).isEqualTo(name);
            return e.problems().get(0);
        }
        throw new AssertionError(name + "=" + value + " was read");
    }

    private static Map<String, String[]> queryOf(String link) {
        Map<String, List<String>> values = new java.util.TreeMap<>();
        for (String pair : java.net.URI.create(link).getRawQuery().split("&")) {
            String[] nameAndValue = pair.split("=", 2);
            values.computeIfAbsent(java.net.URLDecoder.decode(nameAndValue[0], java.nio.charset.StandardCharsets.UTF_8),
                    n -> new java.util.ArrayList<>())
                    .add(java.net.URLDecoder.decode(nameAndValue[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        Map<String, String[]> parameters = new HashMap<>();
        values.forEach((name, list) -> parameters.put(name, list.toArray(String[]::new)));
        return parameters;
    }

    /** Whatever comes in, the reader answers with a request or an {@link InvalidRequest}: nothing else escapes. */
    @Test
    void survivesArbitraryInput() {
        SplittableRandom random = new SplittableRandom(20201112L);
        String[] names = {"edition", "region", "kind", "theme", "partner", "from", "to", "mode", "free", "lang",
                "language", "q", "page", "layout", "fragment", "other"};
        String alphabet = "az09-_ éÉ<>\"'&%;:/\\\u0000\u202e\ud83d\ude00{}[]*.,";
        for (int round = 0; round < 5_000; round++) {
            Map<String, String[]> parameters = new HashMap<>();
            int count = random.nextInt(6);
            for (int i = 0; i < count; i++) {
                StringBuilder value = new StringBuilder();
                int length = random.nextInt(12);
                for (int j = 0; j < length; j++) {
                    value.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                parameters.put(names[random.nextInt(names.length)], new String[] {value.toString()});
            }
            try {
                WidgetRequest request = reader.read(parameters, null, program);
                assertThat(program.query(request.query())).isNotNull();
            } catch (InvalidRequest expected) {
                assertThat(expected.problems()).isNotEmpty();
            } catch (RuntimeException e) {
                fail("round " + round + " with " + describe(parameters), e);
            }
        }
    }

    private static String describe(Map<String, String[]> parameters) {
        StringBuilder out = new StringBuilder();
        parameters.forEach((k, v) -> out.append(k).append('=').append(String.join("|", v)).append(' '));
        return out.toString();
    }
}
