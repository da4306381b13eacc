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
import java.util.function.ObjIntConsumer;
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
        return parse(source, report, checks, plainFirst ? Way.PLAIN_FIRST : Way.ORDINARY);
    }

    /**
     * Parses a whole file that did not read, to report every problem it has ({@link ReportingRecordDeserializer}):
     * several in one element, in the order of the file. The elements that do read are handed to {@code checks}, whose
     * problems the caller adds ({@link ElementChecks#finishPartly}).
     */
    public Parsed report(JsonParser source, JsonProblems report, ElementChecks checks) throws IOException {
        return parse(source, report, checks, Way.REPORTING);
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

    private Parsed parse(JsonParser source, JsonProblems report, ElementChecks checks, Way way) throws IOException {
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
        List<Activity> activityList = new ArrayList<>();
        try {
            JsonToken first = p.nextToken();
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
                    case "editions" -> readList(p, name, editions, editionList, problems, report, found,
                            (Edition edition, int index) -> checks.edition(index, edition));
                    case "partners" -> readList(p, name, partners, partnerList, problems, report, found,
                            (Partner partner, int index) -> checks.partner(index, partner));
                    case "activities" -> {
                        ObjIntConsumer<Activity> handOver = (activity, index) -> checks.activity(index, activity);
                        if (plainFirst) {
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
            if (!versionSeen) {
                problems.add(report.formatVersion(objectStart, null, ProgramSchema.FORMAT_VERSION));
            }
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
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
        return new Parsed(new ProgramData(editionList, partnerList, activityList), List.of());
    }

    /**
     * Reads the elements of a list; with {@code found}, through {@link ReportingRecordDeserializer}s that report their
     * problems there and give {@code null} for an element that has some.
     */
    private static <T> void readList(JsonParser p, String name, ObjectReader reader, List<T> into,
            List<Problem> problems, JsonProblems report, ReportingRecordDeserializer.Found found,
            ObjIntConsumer<T> read) throws IOException {
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
                    read.accept(element, index);
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
    private static <T> void readPlainList(JsonParser p, ObjectReader reader, List<T> into, ObjIntConsumer<T> read)
            throws IOException, ReadAgainInOrder {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new ReadAgainInOrder();
        }
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            T element;
            try {
                element = p.currentToken() == JsonToken.START_OBJECT ? reader.readValue(p) : null;
            } catch (JsonProcessingException e) {
                // Not plain, broken JSON or a name given twice: said the same way by the ordinary reading.
                throw new ReadAgainInOrder();
            }
            if (element == null) {
                throw new ReadAgainInOrder();
            }
            read.accept(element, index++);
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
