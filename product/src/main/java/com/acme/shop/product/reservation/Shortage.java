package com.acme.shop.product.reservation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;

/**
 * One line of a refused reservation: how many were requested and how many are available.
 * {@code reason} is {@code INSUFFICIENT_STOCK}, or {@code NOT_AVAILABLE} for a product
 * that does not exist or was deleted (then {@code available} is 0).
 */
@Schema(name = "Shortage")
record Shortage(UUID productId, @Schema(example = "3") int requested, @Schema(example = "1") int available,
        @Schema(allowableValues = {
                INSUFFICIENT_STOCK, NOT_AVAILABLE }) String reason){

    static final String INSUFFICIENT_STOCK = "INSUFFICIENT_STOCK";

    static final String NOT_AVAILABLE = "NOT_AVAILABLE";

}
