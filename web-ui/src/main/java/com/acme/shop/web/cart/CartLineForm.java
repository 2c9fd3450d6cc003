package com.acme.shop.web.cart;

import com.acme.shop.web.page.IdempotencyKeys;

/**
 * A cart form: the product (when not in the path), the quantity as typed and, for "Add to
 * cart", the idempotency key the form was rendered with (a resubmit of the same form
 * sends the same key, so the gateway replays the first answer instead of adding again).
 */
public record CartLineForm(String productId, String quantity, String idempotencyKey) {

    /** The submitted key when valid, else a new one (a form without a key still adds). */
    String key() {
        return IdempotencyKeys.orNew(idempotencyKey);
    }

}
