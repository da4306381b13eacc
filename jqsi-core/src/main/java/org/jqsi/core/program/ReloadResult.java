package org.jqsi.core.program;

import java.time.Instant;
import org.jqsi.core.validation.ValidationReport;

/**
 * What came of a reload.
 *
 * @param applied whether the new program is now served; when not, the previous one still is
 * @param version the version served after the reload
 * @param at when the reload was tried
 * @param report the problems found: errors when it was refused, warnings when it was applied
 */
public record ReloadResult(boolean applied, String version, Instant at, ValidationReport report) {
}
