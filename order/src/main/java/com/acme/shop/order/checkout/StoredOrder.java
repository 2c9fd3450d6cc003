package com.acme.shop.order.checkout;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.acme.shop.order.Money;

/** An order row with its saga state and lines. */
record StoredOrder(UUID id, String number, UUID userId, String idempotencyKey, OrderStatus status, Step step,
        String currency, Long total, String paymentStatus, UUID paymentId, String last4, String failureCode,
        Instant createdAt, Instant updatedAt, Instant stepAt, String requestFingerprint, List<Line> lines) {

    /** A line; sku, name and unitPrice are null until the stock is reserved. */
    record Line(int line, UUID productId, String sku, String name, Long unitPrice, int quantity) {
    }

    StoredOrder withLines(List<Line> lines) {
        return new StoredOrder(id, number, userId, idempotencyKey, status, step, currency, total, paymentStatus,
                paymentId, last4, failureCode, createdAt, updatedAt, stepAt, requestFingerprint, List.copyOf(lines));
    }

    Order view() {
        List<Order.Item> items = lines.stream()
            .map(line -> new Order.Item(line.productId(), line.sku(), line.name(),
                    line.unitPrice() == null ? null : new Money(line.unitPrice(), currency), line.quantity(),
                    line.unitPrice() == null ? null : new Money(line.unitPrice(), currency).times(line.quantity())))
            .toList();
        return new Order(id, number, status, items, total == null ? null : new Money(total, currency), currency,
                new Order.PaymentSummary(paymentStatus == null ? "NONE" : paymentStatus, last4), createdAt, updatedAt);
    }

}
