package org.jqsi.json.internal;

import java.net.URI;
import org.jqsi.core.model.ActivityKind;
import org.jqsi.core.model.Region;

/**
 * One source of a sources file as it is written, before the checks that a schema cannot make: mapped strictly, by
 * the program file's own readers of regions, kinds and URLs. Public for the reflection of the record reader only.
 */
public record SourceEntry(String id, String kind, URI url, String file, String partnerId, String editionId,
        Region region, ActivityKind activityKind, String language, String refresh, Boolean allowPrivateAddress) {
}
