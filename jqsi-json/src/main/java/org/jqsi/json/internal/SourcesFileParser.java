package org.jqsi.json.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jqsi.core.model.Ids;
import org.jqsi.core.model.Origin;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.program.FollowedSource;
import org.jqsi.core.validation.Location;
import org.jqsi.core.validation.Problem;
import org.jqsi.json.SourcesSchema;

/**
 * Reads a sources file as strictly as a program file, with the same words and places for every problem: malformed
 * JSON, a name given twice, an unknown or missing property, a value of the wrong type (each with the file, line,
 * column and path: {@code sources.json:4:5 (sources[1].refresh)}); then what the schema cannot say: ids unique, a url
 * or a file, a refresh of at least one second.
 */
public final class SourcesFileParser {

    /** The properties at the top of a sources file. */
    private static final List<String> TOP_LEVEL = List.of("$schema", "formatVersion", "sources");
    private static final String VERSION = String.valueOf(SourcesSchema.FORMAT_VERSION);
    /** When a source says none. */
    private static final Duration DEFAULT_REFRESH = Duration.ofMinutes(30);

    private final ObjectMapper mapper;
    private final ObjectReader entries;

    public SourcesFileParser() {
        JsonNode schema;
        try {
            schema = new ObjectMapper().readTree(SourcesSchema.text());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the sources schema in this jar is not JSON", e);
        }
        Set<String> required = new HashSet<>();
        schema.path("$defs").path("source").path("required").forEach(name -> required.add(name.asText()));
        SimpleModule module = new SimpleModule("jqsi-sources");
        module.addDeserializer(SourceEntry.class, new ReportingRecordDeserializer<>(SourceEntry.class, required));
        this.mapper = ProgramMapper.create();
        mapper.registerModule(module);
        this.entries = mapper.readerFor(SourceEntry.class);
    }

    /** The factory to open a sources file's parser with. */
    public JsonFactory factory() {
        return mapper.getFactory();
    }

    /**
     * What came of reading: the sources, or every problem (placed by path only: the caller places them in the file).
     *
     * @param sources the sources, or {@code null} when there are problems
     */
    public record Parsed(List<FollowedSource> sources, List<Problem> problems) {
    }

    /**
     * Parses a whole sources file from a parser that has not read a token yet, which the caller closes.
     *
     * @param base the directory that the sources' {@code file}s are relative to
     * @throws IOException when the input cannot be read (not when it is malformed: that is a problem)
     */
    public Parsed parse(JsonParser source, JsonProblems report, Path base) throws IOException {
        JsonParser p = new UniquePropertyNames(source);
        List<Problem> problems = new ArrayList<>();
        List<SourceEntry> read = new ArrayList<>();
        ReportingRecordDeserializer.Found found = new ReportingRecordDeserializer.Found(report);
        ObjectReader reader = entries.withAttribute(ReportingRecordDeserializer.Found.KEY, found);
        try {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                problems.add(report.wrongType(p.currentTokenLocation(), "", JsonMessages.text("expected.sources-file"), first));
                return new Parsed(null, problems);
            }
            JsonLocation objectStart = p.currentTokenLocation();
            boolean versionSeen = false;
            boolean sourcesSeen = false;
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
                        if (value != JsonToken.VALUE_NUMBER_INT || !p.getText().equals(VERSION)) {
                            problems.add(report.formatVersion(p.currentTokenLocation(), p.getText(),
                                    SourcesSchema.FORMAT_VERSION));
                            p.skipChildren();
                        }
                    }
                    case "sources" -> {
                        sourcesSeen = true;
                        readSources(p, reader, found, read, problems, report);
                    }
                    default -> {
                        problems.add(report.unknownProperty(at, name, TOP_LEVEL));
                        p.skipChildren();
                    }
                }
            }
            if (!versionSeen) {
                problems.add(report.formatVersion(objectStart, null, SourcesSchema.FORMAT_VERSION));
            }
            if (!sourcesSeen) {
                problems.add(report.missing(objectStart, "", "sources"));
            }
            if (p.nextToken() != null) {
                problems.add(Problem.error(report.where(p.currentTokenLocation(), null), JsonProblems.SYNTAX,
                        JsonMessages.text("sources.trailing")));
            }
        } catch (JsonProcessingException e) {
            problems.addAll(found.problems);
            problems.add(report.syntax(e, p));
            return new Parsed(null, problems);
        }
        List<FollowedSource> sources = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < read.size(); i++) {
            FollowedSource checked = check(read.get(i), "sources[" + i + "]", base, ids, problems);
            if (checked != null) {
                sources.add(checked);
            }
        }
        return problems.isEmpty() ? new Parsed(List.copyOf(sources), List.of()) : new Parsed(null, problems);
    }

    private static void readSources(JsonParser p, ObjectReader reader, ReportingRecordDeserializer.Found found,
            List<SourceEntry> into, List<Problem> problems, JsonProblems report) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            problems.add(report.wrongType(p.currentTokenLocation(), "sources", ExpectedValue.of(List.class),
                    p.currentToken()));
            p.skipChildren();
            return;
        }
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            int before = found.problems.size();
            found.path = "sources";
            SourceEntry entry = reader.readValue(p);
            if (found.problems.size() > before) {
                problems.addAll(found.problems.subList(before, found.problems.size()));
                found.problems.subList(before, found.problems.size()).clear();
            } else if (entry == null) {
                problems.add(report.wrongType(p.currentTokenLocation(), "sources[" + index + "]",
                        ExpectedValue.of(Object.class), JsonToken.VALUE_NULL));
            } else {
                into.add(entry);
            }
            index++;
        }
    }

    /** The checks the schema cannot make, each problem at its path; the source, or {@code null} when it has one. */
    private static FollowedSource check(SourceEntry entry, String path, Path base, Set<String> ids,
            List<Problem> problems) {
        int before = problems.size();
        if (!entry.id().matches(Ids.SLUG) || entry.id().length() > FollowedSource.MAX_ID_LENGTH) {
            problems.add(error(path + ".id", "sources.bad-id",
                    JsonMessages.text("sources.bad-id", entry.id(), FollowedSource.MAX_ID_LENGTH)));
        } else if (entry.id().equals(Origin.SUBMISSIONS)) {
            problems.add(error(path + ".id", "sources.reserved-id",
                    JsonMessages.text("sources.reserved-id", entry.id())));
        } else if (!ids.add(entry.id())) {
            problems.add(error(path + ".id", "sources.duplicate-id",
                    JsonMessages.text("sources.duplicate-id", entry.id())));
        }
        FollowedSource.Kind kind = null;
        for (FollowedSource.Kind k : FollowedSource.Kind.values()) {
            if (k.code().equals(entry.kind())) {
                kind = k;
            }
        }
        if (kind == null) {
            problems.add(error(path + ".kind", JsonProblems.BAD_VALUE, JsonMessages.text("json.bad-value",
                    entry.kind(), JsonMessages.text("expected.source-kind"))));
        }
        URI url = entry.url();
        Path file = null;
        if ((url == null) == (entry.file() == null)) {
            problems.add(error(path, "sources.url-or-file", JsonMessages.text("sources.url-or-file")));
        } else if (url != null && (url.getScheme() == null || url.getHost() == null
                || !url.getScheme().equalsIgnoreCase("http") && !url.getScheme().equalsIgnoreCase("https"))) {
            problems.add(error(path + ".url", JsonProblems.BAD_VALUE, JsonMessages.text("json.bad-value", url,
                    JsonMessages.text("expected.http-url"))));
        } else if (entry.file() != null) {
            try {
                file = base.resolve(entry.file()).toAbsolutePath().normalize();
            } catch (java.nio.file.InvalidPathException e) {
                problems.add(error(path + ".file", JsonProblems.BAD_VALUE,
                        JsonMessages.text("sources.not-a-path", entry.file())));
            }
        }
        Language language = Language.FR;
        if (entry.language() != null) {
            language = switch (entry.language()) {
                case "fr" -> Language.FR;
                case "en" -> Language.EN;
                default -> {
                    problems.add(error(path + ".language", JsonProblems.BAD_VALUE, JsonMessages.text(
                            "json.bad-value", entry.language(), JsonMessages.text("expected.fr-or-en"))));
                    yield Language.FR;
                }
            };
        }
        Duration refresh = DEFAULT_REFRESH;
        if (entry.refresh() != null) {
            try {
                refresh = Duration.parse(entry.refresh().toUpperCase(Locale.ROOT));
                if (refresh.compareTo(FollowedSource.MIN_REFRESH) < 0 || entry.refresh().startsWith("-")) {
                    throw new DateTimeParseException("too short", entry.refresh(), 0);
                }
            } catch (DateTimeParseException e) {
                problems.add(error(path + ".refresh", JsonProblems.BAD_VALUE, JsonMessages.text("json.bad-value",
                        entry.refresh(), JsonMessages.text("expected.refresh"))));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new FollowedSource(entry.id(), kind, url, file, entry.partnerId(), entry.editionId(), entry.region(),
                entry.activityKind(), language, refresh, Boolean.TRUE.equals(entry.allowPrivateAddress()));
    }

    private static Problem error(String path, String code, LocalizedText message) {
        return Problem.error(Location.path(path), code, message);
    }

    /**
     * Whether a file's top looks like a sources file rather than a program file: a {@code "sources"} property, or
     * the sources schema's {@code "$schema"}, before any of a program's lists. Malformed JSON is not.
     */
    public boolean looksLikeSources(JsonParser p) {
        try {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("sources")) {
                    return true;
                }
                if (name.equals("$schema")) {
                    if (p.currentToken() == JsonToken.VALUE_STRING) {
                        String schema = p.getText();
                        if (schema.equals(SourcesSchema.ID)) {
                            return true;
                        }
                    }
                } else if (name.equals("editions") || name.equals("partners") || name.equals("activities")) {
                    return false;
                }
                p.skipChildren();
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
