package com.acme.shop.common.idempotency;

import java.util.concurrent.atomic.AtomicBoolean;

import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Captures the first execution's status, headers and body bytes, hands them to the
 * {@link Recorder} (which stores or releases the key) and only then writes them to the
 * client, so that a retry arriving right after the response already finds the stored
 * record. Exactly one of record/abandon happens.
 */
final class RecordingResponse extends ServerHttpResponseDecorator {

    interface Recorder {

        Mono<Void> record(int status, HttpHeaders headers, byte[] body);

        Mono<Void> abandon();

    }

    private static final byte[] EMPTY = new byte[0];

    private final Recorder recorder;

    private final AtomicBoolean decided = new AtomicBoolean();

    RecordingResponse(ServerHttpResponse delegate, Recorder recorder) {
        super(delegate);
        this.recorder = recorder;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
        return collect(Flux.from(body)).flatMap(
                bytes -> decide(bytes).then(Mono.defer(() -> super.writeWith(Mono.just(bufferFactory().wrap(bytes))))));
    }

    @Override
    public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
        return collect(Flux.from(body).concatMap(Flux::from)).flatMap(bytes -> decide(bytes)
            .then(Mono.defer(() -> super.writeAndFlushWith(Mono.just(Mono.just(bufferFactory().wrap(bytes)))))));
    }

    @Override
    public Mono<Void> setComplete() {
        return decide(EMPTY).then(Mono.defer(super::setComplete));
    }

    /** Called when the upstream finished without writing through this response. */
    Mono<Void> finishIfUndecided() {
        return decide(EMPTY);
    }

    /**
     * Called on errors and cancellation: the key is released unless the outcome was
     * already recorded.
     */
    Mono<Void> abandon() {
        return Mono.defer(() -> decided.compareAndSet(false, true) ? recorder.abandon() : Mono.empty());
    }

    private Mono<Void> decide(byte[] bytes) {
        return Mono.defer(() -> {
            if (!decided.compareAndSet(false, true)) {
                return Mono.empty();
            }
            HttpStatusCode status = getStatusCode();
            return recorder.record(status == null ? 200 : status.value(), getHeaders(), bytes);
        });
    }

    private static Mono<byte[]> collect(Flux<? extends DataBuffer> body) {
        return DataBufferUtils.join(body).map(buffer -> {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            DataBufferUtils.release(buffer);
            return bytes;
        }).defaultIfEmpty(EMPTY);
    }

}
