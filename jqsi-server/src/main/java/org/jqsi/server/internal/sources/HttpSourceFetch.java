package org.jqsi.server.internal.sources;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.jqsi.core.model.LocalizedText;
import org.jqsi.core.validation.Failures;
import org.jqsi.fetch.AddressPolicy;
import org.jqsi.fetch.BoundedDownload;
import org.jqsi.fetch.FetchException;
import org.jqsi.fetch.HttpValidators;
import org.jqsi.server.internal.ServerMessages;

/**
 * {@link SourceFetch} through jqsi-fetch's {@link BoundedDownload}: a connect timeout, a deadline for the whole answer
 * and a size limit, conditional GETs, and public addresses only unless the source allows others
 * ({@code "allowPrivateAddress": true}, which a refusal names).
 */
public final class HttpSourceFetch implements SourceFetch {

    /** The largest copy of a source read: what {@code import-ics} reads at most. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    private static final String ACCEPT = "text/calendar, text/csv, "
            + "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, */*;q=0.5";

    private final BoundedDownload publicOnly;
    private final BoundedDownload anyAddress;

    public HttpSourceFetch(Duration timeout, long maxBytes) {
        LocalizedText what = ServerMessages.text("source.what");
        this.publicOnly = new BoundedDownload(what, timeout, maxBytes,
                AddressPolicy.publicOnly("\"allowPrivateAddress\": true"));
        this.anyAddress = new BoundedDownload(what, timeout, maxBytes, AddressPolicy.ANY_ADDRESS);
    }

    @Override
    public Result fetch(URI url, HttpValidators previous, boolean allowPrivateAddress) {
        try {
            org.jqsi.fetch.Fetched fetched = (allowPrivateAddress ? anyAddress : publicOnly).get(url, ACCEPT,
                    previous);
            if (fetched instanceof org.jqsi.fetch.Fetched.Document document) {
                return new SourceFetch.Fetched(document.body(), document.validators());
            }
            return new NotModified();
        } catch (FetchException e) {
            return new Failed(e.describe());
        } catch (IOException e) {
            return new Failed(ServerMessages.text("source.at", url, Failures.describe(e)));
        } catch (IllegalArgumentException e) {
            return new Failed(ServerMessages.text("source.invalid-address", url));
        }
    }
}
