package org.jqsi.web.submit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.jqsi.core.model.Language;
import org.jqsi.core.submission.Submission;
import org.junit.jupiter.api.Test;

class SubmissionRequestTest {

    private static final String SUBMITTER = "\"submitter\": {\"organisation\": \"CS3R\", \"email\": \"a@example.org\"}";

    @Test
    void readsANewActivityAndKeepsItsTextAndPlace() throws Refusal {
        String body = "{" + SUBMITTER + ",\n  \"activity\": {\"kind\": \"workshop\"}}";
        SubmissionRequest request = SubmissionRequest.read(body);
        assertThat(request.kind()).isEqualTo(Submission.Kind.NEW);
        assertThat(request.targetId()).isNull();
        assertThat(request.organisation()).isEqualTo("CS3R");
        assertThat(request.email()).isEqualTo("a@example.org");
        assertThat(request.activity().json()).isEqualTo("{\"kind\": \"workshop\"}");
        assertThat(request.activity().line()).isEqualTo(2);
        assertThat(request.activity().column()).isEqualTo(15);
        assertThat(request.activity().hasId()).isFalse();
    }

    @Test
    void readsAChangeAndACancellation() throws Refusal {
        SubmissionRequest change = SubmissionRequest.read("{" + SUBMITTER
                + ", \"changes\": \"atelier-x\", \"activity\": {\"id\": \"atelier-x\"}}");
        assertThat(change.kind()).isEqualTo(Submission.Kind.CHANGE);
        assertThat(change.targetId()).isEqualTo("atelier-x");
        assertThat(change.activity().hasId()).isTrue();
        SubmissionRequest cancel = SubmissionRequest.read("{" + SUBMITTER + ", \"cancels\": \"atelier-x\"}");
        assertThat(cancel.kind()).isEqualTo(Submission.Kind.CANCEL);
        assertThat(cancel.activity()).isNull();
    }

    @Test
    void aNullIdIsNoId() throws Refusal {
        SubmissionRequest request = SubmissionRequest.read("{" + SUBMITTER + ", \"activity\": {\"id\": null}}");
        assertThat(request.activity().hasId()).isFalse();
        assertThat(request.activity().nullId()).isEqualTo(7);
        assertThat(request.activity().json().substring(7, 11)).isEqualTo("null");
    }

    @Test
    void malformedJsonIsA400WithItsLineAndColumn() {
        Refusal refused = refusal("{" + SUBMITTER + ",\n \"activity\": {\"kind\": }}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("json.syntax");
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isGreaterThan(1);
        });
        assertThat(refusal("").status()).isEqualTo(400);
        assertThat(refusal("{" + SUBMITTER + ", \"cancels\": \"x\"} []").status()).isEqualTo(400);
    }

    @Test
    void aTruncatedBodyIsA400ThatSpeaksOfTheRequestBodyNotOfAFile() {
        Refusal refused = refusal("{" + SUBMITTER + ",\n \"activity\": {\"kind\": \"workshop\"");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("json.syntax");
            assertThat(p.path()).isEmpty();
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.column()).isEqualTo(33);
            assertThat(p.message().in(Language.FR))
                    .isEqualTo("le corps de la requête se termine avant la fin d'un objet : il manque « } » (}})");
            assertThat(p.message().in(Language.EN))
                    .isEqualTo("the request body ends before the end of an object: \"}\" is missing (}})");
        });
    }

    @Test
    void everyProblemOfTheEnvelopeIsReportedAtOnce() {
        Refusal refused = refusal("{\"submiter\": {}, \"activity\": [], \"changes\": 3}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problems()).extracting(ApiProblem::path, ApiProblem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("submiter", "json.unknown-property"),
                org.assertj.core.groups.Tuple.tuple("activity", "json.wrong-type"),
                org.assertj.core.groups.Tuple.tuple("changes", "json.wrong-type"),
                org.assertj.core.groups.Tuple.tuple("submitter", "json.missing"));
        assertThat(refused.problems().get(0).message().in(Language.EN)).contains("submitter, activity, changes");
        assertThat(refused.problems().get(1).message().in(Language.FR)).contains("un objet");
    }

    @Test
    void refusesWhatOnlyJqsiSetsBothKindsOfTargetAndACancellationWithAnActivity() {
        Refusal refused = refusal("{" + SUBMITTER + ", \"changes\": \"a\", \"cancels\": \"a\","
                + " \"activity\": {\"origin\": {\"source\": \"x\", \"uid\": \"y\"}, \"revision\": 3}}");
        assertThat(refused.problems()).extracting(ApiProblem::path).containsExactly("activity.origin",
                "activity.revision", "cancels");
        Refusal cancel = refusal("{" + SUBMITTER + ", \"cancels\": \"a\", \"activity\": {}}");
        assertThat(cancel.problems()).extracting(ApiProblem::code).containsExactly("submission.cancel-has-activity");
    }

    @Test
    void aDuplicatePropertyOfTheEnvelopeIsNamed() {
        Refusal refused = refusal("{" + SUBMITTER + ", " + SUBMITTER + ", \"cancels\": \"a\"}");
        assertThat(refused.problems()).extracting(ApiProblem::path, ApiProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("submitter", "json.duplicate-property"));
    }

    private static Refusal refusal(String body) {
        return catchThrowableOfType(Refusal.class, () -> SubmissionRequest.read(body));
    }
}
