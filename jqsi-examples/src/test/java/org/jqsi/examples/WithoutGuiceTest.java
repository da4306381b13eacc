package org.jqsi.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Language;
import org.jqsi.core.model.ProgramData;
import org.jqsi.core.model.Region;
import org.jqsi.core.program.ActivityQuery;
import org.jqsi.core.program.CurrentProgram;
import org.jqsi.core.program.ProgramLoadException;
import org.jqsi.core.validation.ValidationReport;
import org.jqsi.json.ProgramFileSource;
import org.jqsi.json.ProgramWriter;
import org.jqsi.sheets.SheetImport;
import org.jqsi.sheets.SheetTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application that wires jqsi by hand needs no Guice (#17 item 10): this module declares only jqsi's library
 * modules, as such an application would, and runs on the module path. If a library module required Guice
 * again (a {@code requires} that is not {@code static}, or a Maven dependency that is not optional), this module
 * would not compile, or these tests would fail.
 */
class WithoutGuiceTest {

    /** During the 2020 edition, in Eastern time. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2020-11-10T17:00:00Z"), Region.EASTERN);

    /** The sample's activities in the Mauricie, by id. */
    private static final List<String> MAURICIE = List.of("soiree-courts-metrages-engages-2020",
            "loin-de-bachar-2020", "vernissage-changer-le-monde-2020", "panel-migration-histoire-de-solidarite-2020",
            "dheepan-2020");

    @Test
    void runsOnTheModulePathWithNeitherGuiceNorJakartaInjectNorGuava() {
        assertThat(WithoutGuice.class.getModule().isNamed()).as("on the module path").isTrue();
        assertThat(ModuleLayer.boot().modules()).extracting(Module::getName)
                .contains("org.jqsi.core", "org.jqsi.fetch", "org.jqsi.json", "org.jqsi.ical", "org.jqsi.web",
                        "org.jqsi.sheets")
                .doesNotContain("com.google.guice", "jakarta.inject", "com.google.common");
        // Nor on the class path.
        for (String type : List.of("com.google.inject.Guice", "jakarta.inject.Inject",
                "com.google.common.collect.ImmutableList")) {
            assertThatThrownBy(() -> Class.forName(type)).as(type).isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void readsChecksAndQueriesAProgramFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("program.json");
        ProgramWriter.forFiles().write(ProgramFileSource.sample().read(), file);

        assertThat(WithoutGuice.mauricie(file).items()).extracting(Activity::id)
                .containsExactlyInAnyOrderElementsOf(MAURICIE);
    }

    @Test
    void aBrokenFileIsRefusedWithItsProblemsInBothLanguages(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("program.json");
        Files.writeString(file, "{\"editions\": [], \"activities\": [ {\"id\": \"Pas un slug\"} ]}");

        assertThatThrownBy(() -> WithoutGuice.mauricie(file)).isInstanceOfSatisfying(ProgramLoadException.class,
                e -> {
                    assertThat(e.report().hasErrors()).isTrue();
                    assertThat(e.report().format(Language.FR)).contains("program.json").isNotBlank();
                    assertThat(e.report().format(Language.EN)).contains("program.json")
                            .isNotEqualTo(e.report().format(Language.FR));
                });
    }

    @Test
    void checksContentFromElsewhere() throws ProgramLoadException {
        ProgramData sample = ProgramFileSource.sample().read();
        assertThat(WithoutGuice.check(sample).hasErrors()).isFalse();

        List<Activity> twice = new ArrayList<>(sample.activities());
        twice.add(sample.activities().get(0));
        ValidationReport report = WithoutGuice.check(new ProgramData(sample.editions(), sample.partners(), twice));

        assertThat(report.hasErrors()).isTrue();
        assertThat(report.format(Language.EN)).contains("activities[" + sample.activities().size() + "]");
    }

    @Test
    void exportsACalendarFeed() throws ProgramLoadException {
        CurrentProgram current = WithoutGuice.serve(ProgramFileSource.sample(), CLOCK);

        String feed = WithoutGuice.feed(current.get(), ActivityQuery.builder().region(Region.MAURICIE).build());

        assertThat(feed).startsWith("BEGIN:VCALENDAR").contains("Loin de Bachar")
                .containsPattern("UID:loin-de-bachar-2020@");
    }

    @Test
    void importsAnOrganisersSheet() throws ProgramLoadException {
        ProgramData sample = ProgramFileSource.sample().read();
        byte[] sheet = "Titre (français),Début\nQuiz de la solidarité,2020-11-12 19:00\n"
                .getBytes(StandardCharsets.UTF_8);

        SheetImport result = WithoutGuice.importSheet(sheet, "cs3r.csv",
                SheetTarget.of(sample.editions().get(0), "cs3r", Region.MAURICIE), sample);

        assertThat(result.accepted()).as("%s", result.errors()).isTrue();
        assertThat(result.added()).extracting(activity -> activity.title().in(Language.FR))
                .containsExactly("Quiz de la solidarité");
        assertThat(result.program().activities()).hasSize(sample.activities().size() + 1);
    }

    @Test
    void servesTheWidgetInAServletContainer() throws Exception {
        CurrentProgram current = WithoutGuice.serve(ProgramFileSource.sample(), CLOCK);
        Server server = new Server();
        LocalConnector connector = new LocalConnector(server);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(WithoutGuice.widget(current, CLOCK)), "/widget/*");
        server.setHandler(context);
        server.start();
        try {
            String response = connector.getResponse(
                    "GET /widget/?region=04 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(response).startsWith("HTTP/1.1 200").contains("Loin de Bachar");
        } finally {
            server.stop();
        }
    }

    /**
     * Launched as an application is: a new JVM, given the module path that Maven resolves for this module's
     * dependencies and the module to run, resolves the modules from their declarations alone.
     */
    @Test
    void runsAsAnApplicationOnTheModulePathMavenResolves() throws Exception {
        List<String> dependencies = Arrays.asList(
                Files.readString(Path.of(System.getProperty("jqsi.runtimePath"))).strip().split(File.pathSeparator));
        assertThat(dependencies).extracting(path -> Path.of(path).getFileName().toString())
                .anyMatch(name -> name.startsWith("jqsi-core") || name.equals("classes"))
                .noneMatch(name -> name.startsWith("guice") || name.startsWith("jakarta.inject")
                        || name.startsWith("guava"));
        List<String> modulePath = new ArrayList<>();
        modulePath.add(Path.of(WithoutGuice.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString());
        modulePath.addAll(dependencies);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.language=fr", "-Duser.country=CA",
                "--module-path", String.join(File.pathSeparator, modulePath),
                "--module", "org.jqsi.examples/org.jqsi.examples.WithoutGuice")
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        // Generous: the bound only catches a hang, whatever the machine's load.
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the example ended").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("loin-de-bachar-2020\tLoin de Bachar");
        assertThat(output.lines().filter(line -> line.contains("\t")).map(line -> line.split("\t")[0]))
                .containsExactlyInAnyOrderElementsOf(MAURICIE);
    }
}
