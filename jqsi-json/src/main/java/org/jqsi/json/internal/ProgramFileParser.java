package org.jqsi.json.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Edition;
import org.jqsi.core.model.Partner;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.validation.ElementChecks;
import org.jqsi.core.validation.Problem;
import org.jqsi.json.ProgramSchema;

/**
 * Reads the content of a program file, streaming: the header is read token by token and each element of
 * {@code editions}, {@code partners} and {@code activities} is mapped on its own, so that reading holds the program
 * being built and one element's tokens, never a tree of the whole file.
 *
 * <p>A mapping error in one element is recorded and the parser skips to the next element, so that a file with
 * several broken activities reports all of them; a syntax error ends the reading. Either way no content is returned.
 */
public final class ProgramFileParser {

    /** The properties at the top of a program file, in the order they are written. */
    public static final List<String> TOP_LEVEL = List.of("$schema", "formatVersion", "editions", "partners",
            "activities");

    private static final String VERSION = String.valueOf(ProgramSchema.FORMAT_VERSION);

    private final ObjectReader editions;
    private final ObjectReader partners;
    private final ObjectReader activities;
    private final ObjectReader plainActivities;

    /**
     * @param mapper the program file's mapper ({@link ProgramMapper#create()})
     * @param plain the same with the plain path for activities ({@link ProgramMapper#createPlain()})
     */
    public ProgramFileParser(ObjectMapper mapper, ObjectMapper plain) {
        this.editions = mapper.readerFor(Edition.class);
        this.partners = mapper.readerFor(Partner.class);
        this.activities = mapper.readerFor(Activity.class);
        this.plainActivities = plain.readerFor(Activity.class);
    }

    /**
     * What came of parsing: the content, or every problem found, or neither when an activity read on the plain path
     * was not plain: the file must then be read again the ordinary way, which says what and where.
     *
     * @param editionsAndPartnersWhole whether every edition and partner was read without a problem, so that the
     *     references of the activities read can be checked against them
     */
    public record Parsed(ProgramData data, List<Problem> problems, boolean editionsAndPartnersWhole) {

        Parsed(ProgramData data, List<Problem> problems) {
            this(data, problems, data != null);
        }

        public boolean ok() {
            return data != null;
        }

        /** An activity was not plain: read the file again without {@code plainFirst}. */
        public boolean readAgainInOrder() {
            return data == null && problems.isEmpty();
        }
    }

    /** Told of each activity read, with where its object is in the input. */
    @FunctionalInterface
    public interface ActivityFound {

        /**
         * @param start the offset of the activity's opening brace in the input: in bytes for a parser of bytes, in
         *     characters for one of text
         * @param end the offset just past its closing brace, in the same unit
         */
        void found(int index, Activity activity, long start, long end);
    }

    /**
     * How a reading that keeps no activity goes ({@code jqsi validate} and {@code export} of a large file): each
     * activity read is handed to {@link ActivityFound} and to the checks, and let go. When the file lists activities
     * before its editions or partners, and {@link #deferEarly}, they are skipped, and a second reading with
     * {@link #activitiesOnly} reads them once the checks have the editions and partners: those checks need them first.
     */
    public static final class Streaming {
        final ActivityFound found;
        final boolean deferEarly;
        final boolean activitiesOnly;
        boolean deferred;
        int count;

        public Streaming(ActivityFound found, boolean deferEarly, boolean activitiesOnly) {
            this.found = found;
            this.deferEarly = deferEarly;
            this.activitiesOnly = activitiesOnly;
        }

        /** Whether the activities were skipped, to be read by a second reading with {@link #activitiesOnly}. */
        public boolean deferred() {
            return deferred;
        }

        /** How many activities were read (the last index handed over, plus one). */
        public int count() {
            return count;
        }
    }

    /** Elements as they are read, with where each is in the input. */
    @FunctionalInterface
    private interface Read<T> {
        void accept(T element, int index, JsonLocation start, JsonParser p);
    }

    /** Said by the reading of activities on the plain path, when one of them is not plain. */
    private static final class ReadAgainInOrder extends Exception {
        ReadAgainInOrder() {
            super(null, null, false, false);
        }
    }

    /**
     * Parses a whole file from an open parser that has not read a token yet, which the caller closes. A property
     * given twice in one object is a syntax problem, wherever it is.
     *
     * @param plainFirst whether activities are read on the plain path ({@link PlainRecordDeserializer}); when one of
     *     them is not plain, nothing is reported and the result asks for reading the file again without it
     * @throws IOException when the input cannot be read (not when it is malformed: that is a problem)
     */
    public Parsed parse(JsonParser source, JsonProblems report, ElementChecks checks, boolean plainFirst)
            throws IOException {
        return parse(source, report, checks, plainFirst ? Way.PLAIN_FIRST : Way.ORDINARY, null);
    }

    /**
     * As {@link #parse(JsonParser, JsonProblems, ElementChecks, boolean)}, keeping no activity: the content returned
     * has the editions and partners only, and {@code streaming} says how many activities there were.
     */
    public Parsed parse(JsonParser source, JsonProblems report, ElementChecks checks, boolean plainFirst,
            Streaming streaming) throws IOException {
        return parse(source, report, checks, plainFirst ? Way.PLAIN_FIRST : Way.ORDINARY,
                java.util.Objects.requireNonNull(streaming, "streaming"));
    }

    /**
     * Parses a whole file that did not read, to report every problem it has ({@link ReportingRecordDeserializer}):
     * several in one element, in the order of the file. The elements that do read are handed to {@code checks}, whose
     * problems the caller adds ({@link ElementChecks#finishPartly}).
     */
    public Parsed report(JsonParser source, JsonProblems report, ElementChecks checks) throws IOException {
        return parse(source, report, checks, Way.REPORTING, null);
    }

    /** As {@link #report(JsonParser, JsonProblems, ElementChecks)}, keeping no activity. */
    public Parsed report(JsonParser source, JsonProblems report, ElementChecks checks, Streaming streaming)
            throws IOException {
        return parse(source, report, checks, Way.REPORTING, java.util.Objects.requireNonNull(streaming, "streaming"));
    }

    /** How the elements are read. */
    private enum Way { PLAIN_FIRST, ORDINARY, REPORTING }

    /** The readers that report every problem, made the first time a file has one. */
    private static final class Reporting {
        static final ObjectMapper MAPPER = ProgramMapper.createReporting();
        static final ObjectReader EDITIONS = MAPPER.readerFor(Edition.class);
        static final ObjectReader PARTNERS = MAPPER.readerFor(Partner.class);
        static final ObjectReader ACTIVITIES = MAPPER.readerFor(Activity.class);
    }

    private Parsed parse(JsonParser source, JsonProblems report, ElementChecks checks, Way way, Streaming streaming)
            throws IOException {
        boolean only = streaming != null && streaming.activitiesOnly;
        boolean plainFirst = way == Way.PLAIN_FIRST;
        ReportingRecordDeserializer.Found found = way == Way.REPORTING ? new ReportingRecordDeserializer.Found(report)
                : null;
        ObjectReader editions = found == null ? this.editions : Reporting.EDITIONS.withAttribute(found.KEY, found);
        ObjectReader partners = found == null ? this.partners : Reporting.PARTNERS.withAttribute(found.KEY, found);
        ObjectReader activities = found == null ? this.activities
                : Reporting.ACTIVITIES.withAttribute(found.KEY, found);
        JsonParser p = new UniquePropertyNames(source);
        List<Problem> problems = new ArrayList<>();
        List<Edition> editionList = new ArrayList<>();
        List<Partner> partnerList = new ArrayList<>();
        // A streaming reading keeps none: they are handed over, then let go.
        List<Activity> activityList = streaming == null ? new ArrayList<>() : new Dropped<>();
        boolean editionsSeen = false;
        boolean partnersSeen = false;
        try {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT && only) {
                // Said by the first reading.
                return new Parsed(null, List.of(report.wrongType(p.currentTokenLocation(), "",
                        JsonMessages.text("expected.program"), first)));
            }
            if (first != JsonToken.START_OBJECT) {
                problems.add(report.wrongType(p.currentTokenLocation(), "", JsonMessages.text("expected.program"),
                        first));
                return new Parsed(null, problems);
            }
            JsonLocation objectStart = p.currentTokenLocation();
            boolean versionSeen = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonLocation at = p.currentTokenLocation();
                JsonToken value = p.nextToken();
                if (only && !name.equals("activities")) {
                    // Read, and said, by the first reading.
                    p.skipChildren();
                    continue;
                }
                switch (name) {
                    case "$schema" -> {
                        if (value != JsonToken.VALUE_STRING) {
                            problems.add(report.wrongType(p.currentTokenLocation(), name,
                                    ExpectedValue.of(String.class), value));
                            p.skipChildren();
                        }
                    }
                    case "formatVersion" -> {
                        versionSeen = true;
                        // Compared as text: a huge number must be a wrong version, not an overflow.
                        if (value != JsonToken.VALUE_NUMBER_INT || !p.getText().equals(VERSION)) {
                            problems.add(report.formatVersion(p.currentTokenLocation(), p.getText(),
                                    ProgramSchema.FORMAT_VERSION));
                            p.skipChildren();
                        }
                    }
                    case "editions" -> {
                        editionsSeen = true;
                        readList(p, name, editions, editionList, problems, report, found,
                                (Edition edition, int index, JsonLocation start, JsonParser in) ->
                                        checks.edition(index, edition));
                    }
                    case "partners" -> {
                        partnersSeen = true;
                        readList(p, name, partners, partnerList, problems, report, found,
                                (Partner partner, int index, JsonLocation start, JsonParser in) ->
                                        checks.partner(index, partner));
                    }
                    case "activities" -> {
                        Read<Activity> handOver = handOver(checks, streaming);
                        if (streaming != null && streaming.deferEarly && !(editionsSeen && partnersSeen)) {
                            // Checked against editions and partners that may come after: read again, after them.
                            streaming.deferred = true;
                            p.skipChildren();
                        } else if (plainFirst) {
                            // Without the wrapper: the plain path refuses a name given twice itself. The wrapper's
                            // depth stays right, as whole elements are read past it.
                            readPlainList(source, plainActivities, activityList, handOver);
                        } else {
                            readList(p, name, activities, activityList, problems, report, found, handOver);
                        }
                    }
                    default -> {
                        problems.add(report.unknownProperty(at, name, TOP_LEVEL));
                        p.skipChildren();
                    }
                }
            }
            if (!versionSeen && !only) {
                problems.add(report.formatVersion(objectStart, null, ProgramSchema.FORMAT_VERSION));
            }
            JsonToken trailing = p.nextToken();
            if (trailing != null && !only) {
                problems.add(Problem.error(report.where(p.currentTokenLocation(), null), JsonProblems.SYNTAX,
                        JsonMessages.text("json.trailing")));
            }
        } catch (JsonProcessingException e) {
            if (found != null) {
                problems.addAll(found.problems);
            }
            // Not a JsonMappingException: those are caught per element. The JSON itself is broken; nothing after it
            // can be trusted.
            problems.add(report.syntax(e, p));
        } catch (ReadAgainInOrder e) {
            // Whatever was found so far is found again, with the rest.
            return new Parsed(null, List.of());
        }
        if (!problems.isEmpty()) {
            return new Parsed(null, problems, editionsAndPartnersWhole(problems, report));
        }
        return new Parsed(new ProgramData(editionList, partnerList, streaming == null ? activityList : List.of()),
                List.of());
    }

    /** Hands each activity read to the checks, and in a streaming reading to whoever streams it. */
    private static Read<Activity> handOver(ElementChecks checks, Streaming streaming) {
        if (streaming == null) {
            return (activity, index, start, p) -> checks.activity(index, activity);
        }
        return (activity, index, start, p) -> {
            checks.activity(index, activity);
            streaming.count = Math.max(streaming.count, index + 1);
            if (streaming.found != null) {
                streaming.found.found(index, activity, offset(start), offset(p.currentLocation()));
            }
        };
    }

    /** Where a location is in the input: in bytes when the parser reads bytes, else in characters. */
    private static long offset(JsonLocation location) {
        return location.getByteOffset() >= 0 ? location.getByteOffset() : location.getCharOffset();
    }

    /** A list that keeps nothing that is added to it: the activities of a streaming reading. */
    private static final class Dropped<T> extends java.util.AbstractList<T> {
        @Override
        public boolean add(T element) {
            return true;
        }

        @Override
        public T get(int index) {
            throw new IndexOutOfBoundsException(index);
        }

        @Override
        public int size() {
            return 0;
        }
    }

    /**
     * Reads the elements of a list; with {@code found}, through {@link ReportingRecordDeserializer}s that report their
     * problems there and give {@code null} for an element that has some.
     */
    private static <T> void readList(JsonParser p, String name, ObjectReader reader, List<T> into,
            List<Problem> problems, JsonProblems report, ReportingRecordDeserializer.Found found,
            Read<T> read) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            problems.add(report.wrongType(p.currentTokenLocation(), name, ExpectedValue.of(List.class),
                    p.currentToken()));
            p.skipChildren();
            return;
        }
        JsonStreamContext array = p.getParsingContext();
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            try {
                int reported = found == null ? 0 : found.problems.size();
                if (found != null) {
                    found.path = name;
                }
                JsonLocation start = p.currentTokenLocation();
                T element = reader.readValue(p);
                if (found != null && found.problems.size() > reported) {
                    problems.addAll(found.problems.subList(reported, found.problems.size()));
                    found.problems.subList(reported, found.problems.size()).clear();
                } else if (element == null) {
                    problems.add(report.wrongType(p.currentTokenLocation(), pathOf(name, index),
                            ExpectedValue.of(Object.class), JsonToken.VALUE_NULL));
                } else {
                    // The index in the file: the one in the program, unless an element was refused, and then the
                    // program is refused too.
                    read.accept(element, index, start, p);
                    into.add(element);
                }
            } catch (JsonMappingException e) {
                // Bytes that are not UTF-8, or broken JSON, inside an element: the rest cannot be trusted.
                if (e.getCause() instanceof JsonParseException cause && !JsonProblems.isDuplicate(cause)) {
                    throw cause;
                }
                problems.add(report.mapping(e, pathOf(name, index)));
                skipRestOf(p, array);
            }
            index++;
        }
    }

    /**
     * Reads a list of plain elements ({@link PlainRecordDeserializer}). A list that is not an array, or an element that
     * is not an object, is not well-formed or is not plain stops it: the ordinary reading says what is wrong.
     *
     * <p>Read from the source parser, not through {@link UniquePropertyNames}, whose checks cost a tenth of the reading
     * thread's time: every object inside a plain element is a plain record, which refuses a name given twice, or is
     * refused by the deserializer that expected a text, number or list there.
     */
    private static <T> void readPlainList(JsonParser p, ObjectReader reader, List<T> into, Read<T> read)
            throws IOException, ReadAgainInOrder {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new ReadAgainInOrder();
        }
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            T element;
            JsonLocation start = p.currentTokenLocation();
            try {
                element = p.currentToken() == JsonToken.START_OBJECT ? reader.readValue(p) : null;
            } catch (JsonProcessingException e) {
                // Not plain, broken JSON or a name given twice: said the same way by the ordinary reading.
                throw new ReadAgainInOrder();
            }
            if (element == null) {
                throw new ReadAgainInOrder();
            }
            read.accept(element, index++, start, p);
            into.add(element);
        }
    }

    /** Whether no problem is in an edition or a partner, or ends the reading before them all were read. */
    private static boolean editionsAndPartnersWhole(List<Problem> problems, JsonProblems report) {
        return problems.stream().noneMatch(JsonProblems::endsReading) && report.pathsOf(problems).stream()
                .noneMatch(path -> path.startsWith("editions") || path.startsWith("partners"));
    }

    /** Made only for a problem: a program has thousands of elements and most have none. */
    private static String pathOf(String list, int index) {
        return list + "[" + index + "]";
    }

    /** After a mapping error inside an element, moves to the element's last token, so the next one can be read. */
    private static void skipRestOf(JsonParser p, JsonStreamContext array) throws IOException {
        while (p.getParsingContext() != array) {
            if (p.nextToken() == null) {
                return;
            }
        }
    }
}
