package org.jqsi.server.internal.sources;

import java.util.List;
import org.jqsi.core.model.Activity;
import org.jqsi.core.model.Edition;
import org.jqsi.core.program.FollowedSource;
import org.jqsi.server.internal.ServerMessages;

/**
 * Spreadsheet sources until {@code jqsi-sheets} reads them: each copy is refused with a message that says so, and the
 * source is reported broken while the others and the program file serve.
 */
final class UnreadSheets implements SourceReader {

    @Override
    public Read read(byte[] bytes, FollowedSource source, Edition edition, List<Activity> existing)
            throws Unreadable {
        throw new Unreadable(ServerMessages.text("source.sheets-unread"));
    }
}
