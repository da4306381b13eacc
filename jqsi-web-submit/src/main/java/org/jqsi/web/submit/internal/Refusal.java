package org.jqsi.web.submit.internal;

import java.util.List;
import java.util.Map;

/**
 * Why a request is not done: its HTTP status, its problems, and the headers that say more ({@code Retry-After},
 * {@code Allow}). Nothing was kept. Thrown between the steps of reading a submission, answered as JSON by
 * {@link JsonAnswers}.
 */
public final class Refusal extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient List<ApiProblem> problems;
    private final transient Map<String, String> headers;

    Refusal(int status, List<ApiProblem> problems, Map<String, String> headers) {
        super(null, null, false, false);
        this.status = status;
        this.problems = List.copyOf(problems);
        this.headers = Map.copyOf(headers);
    }

    Refusal(int status, List<ApiProblem> problems) {
        this(status, problems, Map.of());
    }

    Refusal(int status, ApiProblem problem) {
        this(status, List.of(problem));
    }

    /** The HTTP status: 400, 413, 415, 422, 429... */
    public int status() {
        return status;
    }

    /** What is wrong, at least one. */
    public List<ApiProblem> problems() {
        return problems;
    }

    /** Headers to send with the answer. */
    public Map<String, String> headers() {
        return headers;
    }
}
