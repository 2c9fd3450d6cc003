package com.acme.shop.product.reservation;

import com.acme.shop.product.Ids;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /internal/reservations}: {@code {orderId, items: [{productId,
 * quantity}]}}.
 */
@Schema(name = "ReservationRequest", description = "Stock to hold for one order; the order id is the idempotency key")
record ReservationRequest(
        @Schema(example = "0f8e3c52-7a1d-4b6e-9c2f-3d4e5f607182") @NotBlank @Pattern(regexp = "\\s*|" + Ids.UUID_REGEX,
                message = Ids.NOT_A_UUID) String orderId,
        @Schema(description = "1–100 lines, each product at most once") @NotNull @Size(min = 1,
                max = MAX_ITEMS) List<@NotNull @Valid Item> items) {

    static final int MAX_ITEMS = 100;

    static final int MAX_QUANTITY = 1000;

    @Schema(name = "ReservationRequestItem")
    record Item(
            @Schema(example = "7d4e2f9a-1c3b-4d5e-8f60-718293a4b5c6") @NotBlank @Pattern(
                    regexp = "\\s*|" + Ids.UUID_REGEX, message = Ids.NOT_A_UUID) String productId,
            @Schema(example = "2", minimum = "1",
                    maximum = "" + MAX_QUANTITY) @NotNull @Min(1) @Max(MAX_QUANTITY) Integer quantity) {
    }
}
