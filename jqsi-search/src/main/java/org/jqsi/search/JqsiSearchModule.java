package org.jqsi.search;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.OptionalBinder;
import org.jqsi.core.program.TextSearch;

/**
 * Guice wiring for jqsi-search: sets the injector's {@link TextSearch} (which {@link org.jqsi.core.JqsiCoreModule}
 * binds to {@link TextSearch#folding()} by default) to a {@link WordFormSearch}, so that the
 * {@link org.jqsi.core.program.CurrentProgram} it loads, and every program reloaded after it, knows French and
 * English word forms.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new JqsiCoreModule(source), new JqsiSearchModule());
 * }</pre>
 */
// Guice is optional (requires static): an application that uses this module requires com.google.guice itself.
@SuppressWarnings("exports")
public final class JqsiSearchModule extends AbstractModule {

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), TextSearch.class).setBinding().toInstance(new WordFormSearch());
    }
}
