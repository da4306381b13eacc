package org.jqsi.web.submit.internal;

import java.util.Objects;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.validation.Location;
import org.jqsi.core.validation.Problem;

/**
 * One problem with a request, as the API reports it and a form would show it beside its field.
 *
 * @param path where in the request's JSON ({@code activity.title.fr}, {@code submitter.email}); empty for the whole
 *     request
 * @param code a stable name for the rule broken ({@code json.unknown-property}, {@code NotBlank},
 *     {@code reference.partner}, {@code submission.id-taken})
 * @param message what is wrong, in French and English
 * @param line the line of the request's body where it is, from 1; 0 when not known
 * @param column the column there, from 1; 0 when not known
 */
public record ApiProblem(String path, String code, LocalizedText message, int line, int column) {

    public ApiProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (line <= 0) {
            line = 0;
            column = 0;
        }
    }

    /** A problem with no place in the body. */
    public static ApiProblem at(String path, String code, LocalizedText message) {
        return new ApiProblem(path, code, message, 0, 0);
    }

    /** A core problem, at a path of the request; at its line and column when it has them. */
    static ApiProblem of(Problem problem, String path) {
        if (problem.location() instanceof Location.FilePosition at) {
            return new ApiProblem(path, problem.code(), problem.message(), at.line(), at.column());
        }
        return at(path, problem.code(), problem.message());
    }
}
