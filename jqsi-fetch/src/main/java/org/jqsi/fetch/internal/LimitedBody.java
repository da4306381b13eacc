package org.jqsi.fetch.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Supplier;

/**
 * Collects a body up to a limit, and cancels the download past it: an endless body costs at most the limit, and is
 * refused before it is ever kept whole.
 */
public final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final long max;
    private final Supplier<IOException> tooLarge;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
    private Flow.Subscription subscription;

    public LimitedBody(long max, Supplier<IOException> tooLarge) {
        this.max = max;
        this.tooLarge = tooLarge;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            // Buffers already on their way when the download was cancelled.
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (bytes.size() + (long) buffer.remaining() > max) {
                subscription.cancel();
                result.completeExceptionally(tooLarge.get());
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }
}
