package com.acme.shop.product.reservation;

import com.acme.shop.product.Bounded;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stock reservations keyed by order id. Each use case is one database transaction,
 * bounded by {@code shop.product.db-timeout}:
 * <ul>
 * <li>reserve: claim the order id (unique key), then take each line's stock with a
 * conditional update, in product-id order (so concurrent reservations lock rows in the
 * same order and cannot deadlock); any line short → roll everything back, 409 with the
 * shortages. The same order id again returns the existing reservation and takes
 * nothing;</li>
 * <li>confirm: RESERVED → CONFIRMED (idempotent; a RELEASED one cannot be);</li>
 * <li>release: RESERVED or CONFIRMED → RELEASED and the stock goes back, exactly once
 * even under concurrent calls (the status update locks the row; the loser changes
 * nothing).</li>
 * </ul>
 * Units are conserved: available + reserved + sold changes only by ADMIN stock edits.
 */
@Service
class ReservationService {

    private final ReservationRepository reservations;

    private final TransactionalOperator transactions;

    private final Bounded bounded;

    ReservationService(ReservationRepository reservations, TransactionalOperator transactions, Bounded bounded) {
        this.reservations = reservations;
        this.transactions = transactions;
        this.bounded = bounded;
    }

    /** The reservation, and whether this call created it. */
    Mono<Result> reserve(UUID orderId, List<Line> lines) {
        // uuid text order is PostgreSQL's uuid order, used by release (ORDER BY
        // product_id)
        List<Line> sorted = lines.stream().sorted(Comparator.comparing(line -> line.productId().toString())).toList();
        Mono<Result> work = reservations.claim(orderId)
            .flatMap(created -> created ? takeAll(orderId, sorted).thenReturn(true) : sameAs(orderId, sorted))
            .flatMap(created -> reservations.find(orderId).map(reservation -> new Result(reservation, created)));
        return bounded.mono(transactions.transactional(work));
    }

    private Mono<Void> takeAll(UUID orderId, List<Line> lines) {
        return Flux.fromIterable(lines)
            .concatMap(line -> reservations.take(orderId, line.productId(), line.quantity())
                .map(item -> List.<Shortage>of())
                .switchIfEmpty(Mono.defer(() -> shortage(line).map(List::of))))
            .flatMapIterable(Function.identity())
            .collectList()
            .flatMap(shortages -> shortages.isEmpty() ? Mono.empty()
                    : Mono.error(ReservationProblems.shortages(shortages)));
    }

    private Mono<Shortage> shortage(Line line) {
        return reservations.isActive(line.productId())
            .flatMap(active -> active
                    ? reservations.available(line.productId())
                        .map(available -> new Shortage(line.productId(), line.quantity(), available,
                                Shortage.INSUFFICIENT_STOCK))
                    : Mono.just(new Shortage(line.productId(), line.quantity(), 0, Shortage.NOT_AVAILABLE)));
    }

    /**
     * An existing reservation answers a repeat with the same lines; other lines → 422.
     */
    private Mono<Boolean> sameAs(UUID orderId, List<Line> lines) {
        Map<UUID, Integer> requested = lines.stream().collect(Collectors.toMap(Line::productId, Line::quantity));
        return reservations.items(orderId)
            .collectMap(Reservation.Item::productId, Reservation.Item::quantity)
            .flatMap(existing -> existing.equals(requested) ? Mono.just(false)
                    : Mono.error(ReservationProblems.differentItems()));
    }

    Mono<Reservation> get(UUID orderId) {
        return bounded.mono(reservations.find(orderId)).switchIfEmpty(Mono.error(ReservationProblems::notFound));
    }

    Mono<Reservation> confirm(UUID orderId) {
        Mono<Reservation> work = reservations.confirm(orderId)
            .then(reservations.find(orderId))
            .switchIfEmpty(Mono.error(ReservationProblems::notFound))
            .flatMap(reservation -> reservation.status() == Reservation.Status.RELEASED
                    ? Mono.error(ReservationProblems.released()) : Mono.just(reservation));
        return bounded.mono(transactions.transactional(work));
    }

    Mono<Reservation> release(UUID orderId) {
        Mono<Reservation> work = reservations.markReleased(orderId)
            .flatMap(changed -> changed ? reservations.items(orderId)
                .concatMap(item -> reservations.giveBack(item.productId(), item.quantity()))
                .then() : Mono.empty())
            .then(reservations.find(orderId))
            .switchIfEmpty(Mono.error(ReservationProblems::notFound));
        return bounded.mono(transactions.transactional(work));
    }

    Mono<StockLevels> stockLevels(UUID productId) {
        return bounded.mono(reservations.stockLevels(productId))
            .switchIfEmpty(Mono.error(ReservationProblems::productNotFound));
    }

    /** One requested line, validated. */
    record Line(UUID productId, int quantity) {

        /** The lines of a request; a product named twice is a 400. */
        static List<Line> of(List<ReservationRequest.Item> items) {
            Set<UUID> seen = new HashSet<>();
            List<Line> lines = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                UUID productId = UUID.fromString(items.get(i).productId().strip());
                if (!seen.add(productId)) {
                    throw ReservationProblems.duplicateProduct(i);
                }
                lines.add(new Line(productId, items.get(i).quantity()));
            }
            return lines;
        }

    }

    record Result(Reservation reservation, boolean created) {
    }

}
