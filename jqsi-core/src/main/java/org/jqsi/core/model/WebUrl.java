package org.jqsi.core.model;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.jqsi.core.internal.WebUrlValidator;

/**
 * An absolute {@code http} or {@code https} address with a host. Links from a program end up in partner sites'
 * pages and in people's calendars: a {@code javascript:} or {@code file:} address must never get that far.
 * {@code null} is valid (the link is optional).
 */
@Documented
@Constraint(validatedBy = WebUrlValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE,
        ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface WebUrl {

    String message() default "{org.jqsi.core.model.WebUrl.message}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
