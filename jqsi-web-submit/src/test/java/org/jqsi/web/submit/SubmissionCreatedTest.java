package org.jqsi.web.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jqsi.web.submit.SubmissionApiTest.ACTIVITY;
import static org.jqsi.web.submit.SubmissionApiTest.JSON;
import static org.jqsi.web.submit.SubmissionApiTest.SUBMITTER;
import static org.jqsi.web.submit.SubmissionApiTest.body;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.jqsi.core.model.Status;
import org.jqsi.core.submission.Submission;
import org.jqsi.core.submission.SubmissionAction;
import org.jqsi.core.submission.SubmissionEvent;
import org.jqsi.core.submission.SubmissionFilter;
import org.jqsi.core.submission.SubmissionState;
import org.jqsi.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Submissions the API accepts, over real HTTP, kept in the real store. */
@ParameterizedClass
@EnumSource(TestDatabases.Kind.class)
class SubmissionCreatedTest {

    @Parameter
    TestDatabases.Kind kind;

    @TempDir
    Path directory;

    private ApiOnDatabase api;

    @BeforeEach
    void start() throws Exception {
        api = ApiOnDatabase.start(kind, directory, SubmitSettings.defaults());
    }

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void aNewActivityIs201WithItsStatusPageAndIsKeptPending() throws Exception {
        HttpResponse<String> response = api.server.post(body(ACTIVITY));
        assertThat(response.statusCode()).isEqualTo(201);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("http://127\\.0\\.0\\.1:" + api.server.port()
                + "/submit/status/[A-Za-z0-9_-]{43}");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("id").asText()).matches("s-[0-9a-z]{10}");
        assertThat(body.get("state").asText()).isEqualTo("pending");
        assertThat(body.get("status").asText()).isEqualTo(location);

        Submission kept = api.store.find(body.get("id").asText()).orElseThrow();
        assertThat(kept.kind()).isEqualTo(Submission.Kind.NEW);
        assertThat(kept.state()).isEqualTo(SubmissionState.PENDING);
        assertThat(kept.activity().id()).matches("atelier-sur-le-commerce-equitable-[0-9a-z]{4}");
        assertThat(body.get("activityId").asText()).isEqualTo(kept.activity().id());
        assertThat(kept.activity().title().en()).isEqualTo("Fair trade workshop");
        assertThat(kept.activity().partners()).hasSize(1);
        assertThat(kept.submitter().organisation()).isEqualTo("Comité de solidarité/Trois-Rivières");
        assertThat(kept.submitter().email()).isEqualTo("programme@example.org");
        assertThat(kept.history()).singleElement().satisfies(event -> {
            assertThat(event.action()).isEqualTo(SubmissionAction.SUBMIT);
            assertThat(event.actor()).isEqualTo(SubmissionEvent.SUBMITTER);
            assertThat(event.at()).isEqualTo(api.server.clock.instant());
        });
        String key = location.substring(location.lastIndexOf('/') + 1);
        assertThat(api.store.findByStatusKey(key)).map(Submission::id).hasValue(kept.id());
    }

    @Test
    void aNullIdIsGivenOneAsAMissingOneIs() throws Exception {
        HttpResponse<String> response = api.server.post(body(ACTIVITY.replace("{\"editionId\"",
                "{\"id\": null, \"editionId\"")));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(api.store.list(SubmissionFilter.ALL)).singleElement().satisfies(s -> assertThat(s.activity().id())
                .matches("atelier-sur-le-commerce-equitable-[0-9a-z]{4}"));
    }

    @Test
    void anActivityKeepsTheIdItWasSentWith() throws Exception {
        HttpResponse<String> response = api.server.post(body(ACTIVITY.replace("{\"editionId\"",
                "{\"id\": \"atelier-commerce-equitable-2021\", \"editionId\"")));
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(api.store.list(SubmissionFilter.ALL)).singleElement()
                .satisfies(s -> assertThat(s.activity().id()).isEqualTo("atelier-commerce-equitable-2021"));
    }

    @Test
    void aChangeAndACancellationOfWhatASubmissionPublished() throws Exception {
        String changed = ACTIVITY.replace("Atelier sur le commerce équitable", "Atelier déplacé");
        HttpResponse<String> change = api.server.post(body(changed).replace("{\"submitter\"",
                "{\"changes\": \"" + SubmitServer.PUBLISHED + "\", \"submitter\""));
        assertThat(change.statusCode()).isEqualTo(201);
        Submission kept = api.store.find(JSON.readTree(change.body()).get("id").asText()).orElseThrow();
        assertThat(kept.kind()).isEqualTo(Submission.Kind.CHANGE);
        assertThat(kept.targetId()).isEqualTo(SubmitServer.PUBLISHED);
        assertThat(kept.activity().id()).isEqualTo(SubmitServer.PUBLISHED);
        assertThat(kept.activity().title().fr()).isEqualTo("Atelier déplacé");

        HttpResponse<String> cancel = api.server.post("{\"submitter\": " + SUBMITTER + ", \"cancels\": \""
                + SubmitServer.PUBLISHED + "\"}");
        assertThat(cancel.statusCode()).isEqualTo(201);
        Submission cancelled = api.store.find(JSON.readTree(cancel.body()).get("id").asText()).orElseThrow();
        assertThat(cancelled.kind()).isEqualTo(Submission.Kind.CANCEL);
        assertThat(cancelled.activity().status()).isEqualTo(Status.CANCELLED);
        assertThat(cancelled.activity().title().fr()).isEqualTo("Atelier publié");
    }

    @Test
    void aChangeKeepsTheIdOfWhatItChanges() throws Exception {
        HttpResponse<String> response = api.server.post(body(ACTIVITY.replace("{\"editionId\"",
                "{\"id\": \"un-autre\", \"editionId\"")).replace("{\"submitter\"",
                "{\"changes\": \"" + SubmitServer.PUBLISHED + "\", \"submitter\""));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(SubmissionApiTest.problems(response)).extracting(p -> p.get("code").asText())
                .containsExactly("submission.change-keeps-id");
        assertThat(api.store.list(SubmissionFilter.ALL)).isEmpty();
    }

    @Test
    void aStoreThatCannotKeepItIs503WithoutItsException() throws Exception {
        api.database.close();
        HttpResponse<String> response = api.server.post(body(ACTIVITY), "Accept-Language", "en");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(SubmissionApiTest.problems(response)).extracting(p -> p.get("code").asText())
                .containsExactly("request.unavailable");
        assertThat(response.body()).doesNotContain("Exception", "jdbc", "SQL", "org.");
    }

    @Test
    void theGuidesExampleIsAccepted() throws Exception {
        String example = org.jqsi.web.submit.internal.SubmitRoutesAccess.example(api.server.program.get());
        assertThat(api.server.post(example).statusCode()).isEqualTo(201);
    }
}
