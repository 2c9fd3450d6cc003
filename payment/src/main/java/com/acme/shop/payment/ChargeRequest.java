package com.acme.shop.payment;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code POST /internal/payments}: charge {@code amount} to {@code card} for
 * {@code orderId}. Its {@link #toString()} shows no card data.
 *
 * @param orderId the order being paid (UUID); one payment per order id
 */
@Schema(description = "A charge for an order")
record ChargeRequest(
        @Schema(example = "0b8f3c1e-6a4d-4f6e-9a53-2f1d6c0e7b21") @NotNull @Pattern(regexp = Ids.UUID_REGEX,
                message = Ids.NOT_A_UUID) String orderId,
        @NotNull @Valid Money amount, @NotNull @Valid CardDetails card) {

    @Override
    public String toString() {
        return "ChargeRequest[orderId=" + orderId + ", amount=" + amount + ", card=" + card + "]";
    }

}
