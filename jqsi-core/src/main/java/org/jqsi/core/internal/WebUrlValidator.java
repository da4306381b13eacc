package org.jqsi.core.internal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.net.URI;
import java.util.Locale;
import org.jqsi.core.model.WebUrl;

/** Checks {@link WebUrl}: absolute, http or https, with a host. */
public final class WebUrlValidator implements ConstraintValidator<WebUrl, URI> {

    @Override
    public boolean isValid(URI value, ConstraintValidatorContext context) {
        return value == null || isWebUrl(value);
    }

    /** Whether an address is one a browser may follow from the program without harm. */
    public static boolean isWebUrl(URI value) {
        if (!value.isAbsolute() || value.getHost() == null || value.getHost().isEmpty()) {
            return false;
        }
        String scheme = value.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("https") || scheme.equals("http");
    }
}
