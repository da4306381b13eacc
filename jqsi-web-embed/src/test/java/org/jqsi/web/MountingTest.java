package org.jqsi.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jsoup.Jsoup;
import org.jqsi.core.JqsiCoreModule;
import org.jqsi.core.program.ProgramSource;
import org.jqsi.core.sample.SampleProgram;
import org.jqsi.ical.IcalSettings;
import org.jqsi.ical.JqsiIcalModule;
import org.junit.jupiter.api.Test;

/** The two ways a host mounts the widget, as the README shows them. */
class MountingTest {

    @Test
    void withGuice() throws Exception {
        Injector injector = Guice.createInjector(
                new JqsiCoreModule(ProgramSource.of("sample", SampleProgram.data()), WidgetServer.CLOCK),
                new JqsiIcalModule(IcalSettings.defaults().withUidDomain("jqsi.example.org")),
                new JqsiWebEmbedModule(WidgetSettings.builder().frameAncestors(List.of("*")).build()));
        JqsiWidgetServlet servlet = injector.getInstance(JqsiWidgetServlet.class);
        assertThat(injector.getInstance(JqsiWidgetServlet.class)).isSameAs(servlet);
        assertThat(servlet.settings().frameAncestors()).containsExactly("*");

        try (Running running = Running.mount(servlet, "/jqsi", "/widget/*")) {
            HttpResponse<String> response = running.get("/jqsi/widget/?region=04");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Jsoup.parse(response.body()).select(".jqsi-activity")).hasSize(5);
            assertThat(Jsoup.parse(response.body()).selectFirst("form").attr("action"))
                    .isEqualTo(running.base + "/jqsi/widget/");
            // The host's calendar settings reach the widget's feeds.
            assertThat(running.get("/jqsi/widget/feed.ics?region=04").body())
                    .contains("UID:loin-de-bachar-2020@jqsi.example.org");
        }
    }

    @Test
    void withoutGuiceAtTheRootOfAContextWithAConfiguredBaseUrl() throws Exception {
        JqsiWidgetServlet servlet = new JqsiWidgetServlet(() -> org.jqsi.core.program.Program.of(
                SampleProgram.data()), WidgetSettings.builder()
                        .baseUrl(URI.create("https://jqsi.example.org/programme/")).build(), WidgetServer.CLOCK);
        try (Running running = Running.mount(servlet, "/", "/*")) {
            HttpResponse<String> response = running.get("/?lang=en");
            assertThat(response.statusCode()).isEqualTo(200);
            var page = Jsoup.parse(response.body());
            assertThat(page.select(".jqsi-activity")).hasSize(5);
            assertThat(page.selectFirst("form").attr("action")).isEqualTo("https://jqsi.example.org/programme/");
            String css = page.selectFirst("link[rel=stylesheet]").attr("href");
            assertThat(css).startsWith("https://jqsi.example.org/programme/assets/widget.");
            assertThat(running.get(css.substring("https://jqsi.example.org/programme".length())).statusCode())
                    .isEqualTo(200);
            assertThat(running.get("/activities/dheepan-2020").statusCode()).isEqualTo(200);
            assertThat(running.get("/embed.js").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void asTheDefaultServletOfAContext() throws Exception {
        JqsiWidgetServlet servlet = new JqsiWidgetServlet(() -> org.jqsi.core.program.Program.of(
                SampleProgram.data()), WidgetSettings.defaults(), WidgetServer.CLOCK);
        try (Running running = Running.mount(servlet, "/programme", "/")) {
            var page = Jsoup.parse(running.get("/programme/").body());
            assertThat(page.select(".jqsi-activity")).hasSize(5);
            assertThat(page.selectFirst("form").attr("action")).isEqualTo(running.base + "/programme/");
            assertThat(running.get("/programme/activities/dheepan-2020").statusCode()).isEqualTo(200);
        }
    }

    private static final class Running implements AutoCloseable {
        final Server server;
        final String base;

        private Running(Server server, String base) {
            this.server = server;
            this.base = base;
        }

        static Running mount(JqsiWidgetServlet servlet, String contextPath, String mapping) throws Exception {
            Server server = new Server();
            ServerConnector connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            server.addConnector(connector);
            ServletContextHandler context = new ServletContextHandler(contextPath);
            context.addServlet(new ServletHolder(servlet), mapping);
            server.setHandler(context);
            server.start();
            return new Running(server, "http://127.0.0.1:" + connector.getLocalPort());
        }

        HttpResponse<String> get(String path) throws Exception {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public void close() {
            try {
                server.stop();
            } catch (Exception e) {
                throw new IllegalStateException("Jetty did not stop", e);
            }
        }
    }
}
