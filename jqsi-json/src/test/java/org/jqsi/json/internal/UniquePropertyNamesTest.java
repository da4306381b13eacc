package org.jqsi.json.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link UniquePropertyNames} refuses exactly what Jackson's own strict duplicate detection refuses, the same way. */
class UniquePropertyNamesTest {

    private static final JsonFactory PLAIN = new JsonFactory();
    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    @Test
    void agreesWithJacksonOnHandWrittenCases() throws IOException {
        List<String> texts = List.of(
                "{}", "[]", "{\"a\":1,\"b\":2}", "{\"a\":1,\"a\":2}", "{\"a\":1,\"b\":2,\"a\":3}",
                // The same name in sibling or nested objects is not a duplicate.
                "{\"a\":{\"a\":1,\"b\":2},\"b\":{\"a\":1,\"b\":2}}",
                "[{\"x\":1,\"y\":2},{\"x\":1,\"y\":2},{\"y\":3}]",
                "{\"a\":{\"x\":1},\"c\":{\"x\":1,\"x\":2}}",
                "{\"a\":[{\"b\":1},{\"b\":2}],\"a\":0}",
                // A name that returns after a deeper object closed.
                "{\"a\":1,\"n\":{\"b\":{\"c\":1},\"d\":2},\"b\":2,\"n\":3}",
                "{\"é\":1,\"e\":2,\"e\\u0301\":3,\"\\u00e9\":4}",
                "{\"\":1,\"\":2}",
                objectOf(16, "k17"), objectOf(17, "k3"), objectOf(40, "k40"), objectOf(40, "k39"),
                objectOf(16, null), "[" + objectOf(30, null) + "," + objectOf(5, "k2") + "]",
                // Two large objects in a row at the same depth: the second starts with no names.
                "[" + objectOf(30, null) + "," + objectOf(30, null) + "," + objectOf(20, "k20") + "]");
        for (String text : texts) {
            assertThat(outcome(ours(text))).as(text).isEqualTo(outcome(jacksons(text)));
        }
    }

    @Test
    void agreesWithJacksonOnRandomDocuments() throws IOException {
        Random random = new Random(2021);
        int refused = 0;
        for (int i = 0; i < 5_000; i++) {
            String text = randomValue(random, 0);
            String ours = outcome(ours(text));
            assertThat(ours).as(text).isEqualTo(outcome(jacksons(text)));
            refused += ours.startsWith("error") ? 1 : 0;
        }
        // Both outcomes were met often enough for the comparison to mean something.
        assertThat(refused).isBetween(500, 4_500);
    }

    @Test
    void aDuplicateInsideSkippedChildrenIsRefusedToo() throws IOException {
        try (JsonParser p = ours("{\"ignored\":{\"deep\":[{\"x\":1,\"x\":2}]},\"kept\":1}")) {
            p.nextToken();
            p.nextToken();
            p.nextToken();
            assertThatThrownBy(p::skipChildren).isInstanceOf(JsonParseException.class)
                    .hasMessageStartingWith("Duplicate field 'x'");
        }
    }

    @Test
    void aDuplicateAfterSkippedChildrenIsStillFound() throws IOException {
        try (JsonParser p = ours("{\"a\":{\"b\":{\"c\":1}},\"d\":2,\"a\":3}")) {
            p.nextToken();
            p.nextToken();
            p.nextToken();
            p.skipChildren();
            assertThat(p.currentToken()).isEqualTo(JsonToken.END_OBJECT);
            assertThat(p.nextFieldName()).isEqualTo("d");
            assertThat(p.nextValue()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
            assertThatThrownBy(p::nextToken).isInstanceOf(JsonParseException.class)
                    .hasMessageStartingWith("Duplicate field 'a'");
        }
    }

    @Test
    void aHugeObjectIsCheckedWholeAndItsDuplicateFound() throws IOException {
        String names = IntStream.range(0, 200_000).mapToObj(i -> "\"n" + i + "\":" + i)
                .collect(Collectors.joining(","));
        assertThat(outcome(ours("{" + names + "}"))).startsWith("ok");
        assertThat(outcome(ours("{" + names + ",\"n199998\":0}"))).startsWith("error Duplicate field 'n199998' at line 1");
        // Small objects at the same depth after a huge one start afresh.
        assertThat(outcome(ours("[{" + names + "},{\"n1\":1,\"n2\":2},{\"n1\":1,\"n1\":1}]")))
                .startsWith("error Duplicate field 'n1'");
    }

    private static JsonParser ours(String text) throws IOException {
        return new UniquePropertyNames(PLAIN.createParser(text));
    }

    private static JsonParser jacksons(String text) throws IOException {
        return STRICT.createParser(text);
    }

    /**
     * Every token read, or the error met and its line. (The column differs: Jackson's points after the name, ours at
     * its start.)
     */
    private static String outcome(JsonParser p) throws IOException {
        StringBuilder tokens = new StringBuilder("ok ");
        try (p) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                tokens.append(t.id()).append(t == JsonToken.FIELD_NAME ? p.currentName() : "").append(' ');
            }
            return tokens.toString();
        } catch (JsonParseException e) {
            return "error " + e.getOriginalMessage() + " at " + "line " + e.getLocation().getLineNr();
        }
    }

    private static String objectOf(int size, String extra) {
        List<String> members = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            members.add("\"k" + i + "\":" + i);
        }
        if (extra != null) {
            members.add("\"" + extra + "\":0");
        }
        return "{" + String.join(",", members) + "}";
    }

    /** Objects and arrays of a few levels, with names from a small set so that duplicates are frequent. */
    private static String randomValue(Random random, int depth) {
        int shape = depth > 4 ? 2 : random.nextInt(3);
        if (shape == 0) {
            int size = random.nextInt(random.nextInt(10) == 0 ? 30 : 6);
            List<String> members = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                String name = "n" + random.nextInt(size * 4 + 1);
                members.add("\"" + name + "\":" + randomValue(random, depth + 1));
            }
            return "{" + String.join(",", members) + "}";
        }
        if (shape == 1) {
            List<String> items = new ArrayList<>();
            for (int i = random.nextInt(4); i > 0; i--) {
                items.add(randomValue(random, depth + 1));
            }
            return "[" + String.join(",", items) + "]";
        }
        return String.valueOf(random.nextInt(100));
    }
}
