package org.jqsi.fetch;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import java.util.Objects;

/**
 * Guice wiring for jqsi-fetch: the operator's {@link AddressPolicy}, which whatever builds a {@link BoundedDownload}
 * injects (jqsi-ical's importer does). Without this module, modules that fetch default to
 * {@link AddressPolicy#PUBLIC_ONLY}. Each download's own bounds (what it is, its timeout and size limit) are its
 * user's, and not bound here.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new JqsiFetchModule(AddressPolicy.publicOnly("allowPrivateAddress")));
 * BoundedDownload feeds = new BoundedDownload(LocalizedText.of("le flux", "the feed"), Duration.ofSeconds(20),
 *         10L * 1024 * 1024, injector.getInstance(AddressPolicy.class));
 * }</pre>
 */
// Guice is optional (requires static): an application that uses this module requires com.google.guice itself.
@SuppressWarnings("exports")
public final class JqsiFetchModule extends AbstractModule {

    private final AddressPolicy addresses;

    /** Public addresses only ({@link AddressPolicy#PUBLIC_ONLY}). */
    public JqsiFetchModule() {
        this(AddressPolicy.PUBLIC_ONLY);
    }

    /** The given address policy. */
    public JqsiFetchModule(AddressPolicy addresses) {
        this.addresses = Objects.requireNonNull(addresses, "addresses");
    }

    @Override
    protected void configure() {
        // Set over the default that modules which fetch declare (JqsiIcalModule: public addresses only).
        OptionalBinder.newOptionalBinder(binder(), AddressPolicy.class).setBinding().toInstance(addresses);
    }
}
