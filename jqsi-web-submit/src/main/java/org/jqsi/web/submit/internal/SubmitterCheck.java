package org.jqsi.web.submit.internal;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.submission.Submitter;
import org.jqsi.core.validation.ControlCharacters;

/**
 * Checks who submits with the Jakarta Validation constraints of {@link Submitter} (an organisation named, an address
 * that is one, neither too long), each problem at {@code submitter.email} or {@code submitter.organisation}, its code
 * the constraint's name ({@code NotBlank}, {@code Email}, {@code Size}) and its message Hibernate Validator's, in
 * French and English; and with the rule every text of a program follows ({@link ControlCharacters}, code
 * {@value ControlCharacters#CODE}). Thread-safe.
 */
final class SubmitterCheck {

    private final Validator french;
    private final Validator english;

    SubmitterCheck() {
        ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
        MessageInterpolator interpolator = factory.getMessageInterpolator();
        this.french = factory.usingContext().messageInterpolator(inLocale(interpolator, Locale.CANADA_FRENCH))
                .getValidator();
        // Locale.ROOT reads the bundles' base files, which are English, whatever the JVM's default locale is.
        this.english = factory.usingContext().messageInterpolator(inLocale(interpolator, Locale.ROOT)).getValidator();
    }

    /**
     * The submitter, checked.
     *
     * @param organisation as sent, or {@code null}
     * @param email as sent, or {@code null}
     * @return the problems, none when it is valid
     */
    List<ApiProblem> check(String organisation, String email) {
        List<ApiProblem> problems = new ArrayList<>();
        // Each value is checked against its property's constraints, not read from a Submitter: Hibernate Validator
        // then reads no private field, which a module that does not open its package would forbid.
        check("email", email == null ? "" : email.strip(), problems);
        check("organisation", organisation == null ? "" : organisation.strip(), problems);
        return problems;
    }

    private void check(String property, String value, List<ApiProblem> problems) {
        String path = "submitter." + property;
        // The same rule as every text of the activity: a reviewer's terminal or page shows these too.
        ControlCharacters.check(path, value).ifPresent(problem -> problems.add(ApiProblem.of(problem, path)));
        List<ConstraintViolation<Submitter>> inFrench =
                sorted(french.validateValue(Submitter.class, property, value));
        if (inFrench.isEmpty()) {
            return;
        }
        List<ConstraintViolation<Submitter>> inEnglish =
                sorted(english.validateValue(Submitter.class, property, value));
        for (int i = 0; i < inFrench.size(); i++) {
            ConstraintViolation<Submitter> violation = inFrench.get(i);
            String en = i < inEnglish.size() ? inEnglish.get(i).getMessage() : violation.getMessage();
            problems.add(ApiProblem.at(path, code(violation),
                    LocalizedText.of(violation.getMessage(), en)));
        }
    }

    /** In an order both languages share: by constraint. */
    private static List<ConstraintViolation<Submitter>> sorted(Set<ConstraintViolation<Submitter>> violations) {
        return violations.stream().sorted(Comparator.comparing(SubmitterCheck::code)).toList();
    }

    private static String code(ConstraintViolation<?> violation) {
        return violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    }

    private static MessageInterpolator inLocale(MessageInterpolator interpolator, Locale locale) {
        return new MessageInterpolator() {
            @Override
            public String interpolate(String template, Context context) {
                return interpolator.interpolate(template, context, locale);
            }

            @Override
            public String interpolate(String template, Context context, Locale ignored) {
                return interpolator.interpolate(template, context, locale);
            }
        };
    }
}
