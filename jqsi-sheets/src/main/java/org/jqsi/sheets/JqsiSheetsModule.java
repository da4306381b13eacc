package org.jqsi.sheets;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import org.jqsi.core.validation.ProgramValidator;

/**
 * Guice wiring for jqsi-sheets: the {@link SheetImporter}, on the injector's {@link ProgramValidator} and
 * {@link Clock} (both bound by {@link org.jqsi.core.JqsiCoreModule}), and the {@link SheetTemplate}.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new JqsiCoreModule(source), new JqsiSheetsModule());
 * SheetImporter importer = injector.getInstance(SheetImporter.class);
 * }</pre>
 */
// Guice is optional (requires static): an application that uses this module requires com.google.guice itself.
@SuppressWarnings("exports")
public final class JqsiSheetsModule extends AbstractModule {

    @Provides
    @Singleton
    SheetImporter sheetImporter(ProgramValidator validator, Clock clock) {
        return new SheetImporter(validator, clock);
    }

    @Provides
    @Singleton
    SheetTemplate sheetTemplate() {
        return new SheetTemplate();
    }
}
