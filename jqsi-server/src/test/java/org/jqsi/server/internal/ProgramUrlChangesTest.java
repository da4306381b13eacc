package org.jqsi.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.jqsi.fetch.AddressPolicy;
import org.jqsi.json.ProgramFileSource;
import org.jqsi.json.ProgramReader;
import org.jqsi.json.ProgramWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A program URL asks whether the file changed with conditional GETs: an unchanged file costs a 304 and is not read
 * again, a changed one is read from the answer to that same check.
 */
class ProgramUrlChangesTest {

    private final AtomicReference<String> etag = new AtomicReference<>("\"v1\"");
    private final List<String> conditions = new CopyOnWriteArrayList<>();
    private byte[] program;
    private Server server;

    @BeforeEach
    void start() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProgramWriter.forFiles().write(ProgramFileSource.sample().read(), out);
        program = out.toByteArray();
        server = new Server(new InetSocketAddress("127.0.0.1", 0));
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String condition = request.getHeaders().get("If-None-Match");
                conditions.add(String.valueOf(condition));
                if (etag.get().equals(condition)) {
                    response.setStatus(304);
                    callback.succeeded();
                    return true;
                }
                response.getHeaders().put("ETag", etag.get());
                response.write(true, ByteBuffer.wrap(program), callback);
                return true;
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    private ProgramUrl url() {
        return new ProgramUrl(URI.create("http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort()
                + "/program.json"),
                // Not under test: a deadline no loaded machine reaches.
                new ProgramReader(), Duration.ofMinutes(5), AddressPolicy.ANY_ADDRESS);
    }

    @Test
    void anUnchangedFileIsNotReadAgainAndAChangedOneIs() throws Exception {
        ProgramUrl url = url();
        assertThat(url.read().activities()).isNotEmpty();
        assertThat(url.hasChanged()).as("same ETag").isFalse();

        etag.set("\"v2\"");
        assertThat(url.hasChanged()).as("new ETag").isTrue();
        assertThat(url.read().activities()).isNotEmpty();

        // The first read asked for no condition; each check named the version last read; the read after a change
        // took the body that the check had already downloaded.
        assertThat(conditions).containsExactly("null", "\"v1\"", "\"v1\"");
        assertThat(url.hasChanged()).as("the new version, read").isFalse();
    }
}
