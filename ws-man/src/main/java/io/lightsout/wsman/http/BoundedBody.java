package io.lightsout.wsman.http;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/** A body subscriber that collects at most {@code limit} bytes and fails (cancelling the stream) beyond that. */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** Raised when a body exceeds the limit. */
    static final class TooLarge extends RuntimeException {
        TooLarge(long limit) {
            super("response larger than " + limit + " bytes", null, false, false);
        }
    }

    private final long limit;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private byte[] buf = new byte[8192];
    private int size;

    BoundedBody(long limit) {
        this.limit = limit;
    }

    static HttpResponse.BodyHandler<byte[]> handler(long limit) {
        return info -> {
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > limit) {
                return HttpResponse.BodySubscribers.replacing(null);
            }
            return new BoundedBody(limit);
        };
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer b : items) {
            int n = b.remaining();
            if ((long) size + n > limit) {
                subscription.cancel();
                result.completeExceptionally(new TooLarge(limit));
                return;
            }
            if (size + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
            }
            b.get(buf, size, n);
            size += n;
        }
    }

    @Override
    public void onError(Throwable t) {
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        result.complete(Arrays.copyOf(buf, size));
    }
}
