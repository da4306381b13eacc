package org.jqsi.fetch.internal;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A body that is not wanted (an error status, an encoding that was not asked for): the download is cancelled at
 * once, so that an error page that never ends is reported as the error it is, not as a timeout.
 */
public final class SkippedBody implements HttpResponse.BodySubscriber<byte[]> {

    private static final byte[] NONE = new byte[0];

    @Override
    public CompletionStage<byte[]> getBody() {
        return CompletableFuture.completedFuture(NONE);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.cancel();
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        // Cancelled: whatever still arrives is dropped.
    }

    @Override
    public void onError(Throwable error) {
        // The body is not wanted, so neither is its failure.
    }

    @Override
    public void onComplete() {
        // Nothing to finish: the answer was given when the status arrived.
    }
}
