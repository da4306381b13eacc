package org.jqsi.password;

import com.google.inject.AbstractModule;
import org.jqsi.core.account.PasswordHash;

/** Guice wiring for jqsi-password: binds {@link PasswordHash} to {@link Argon2idHash} with OWASP's parameters. */
// Guice is optional (requires static): an application that uses this module requires com.google.guice itself.
@SuppressWarnings("exports")
public final class JqsiPasswordModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(PasswordHash.class).toInstance(new Argon2idHash());
    }
}
