package com.acme.shop.e2e;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A purchase through the gateway with plain HTTP calls, as a script or curl would make
 * it: register, log in, fill the cart, check out with a key, read the order; the same key
 * again gives the same order (order is exactly-once itself: the gateway does not store
 * the checkout).
 */
@ExtendWith(PlatformExtension.class)
class ShopApiIT {

    @Test
    void aPurchaseThroughTheGatewayIsPaidOnceForOneKey(E2ePlatform shop) {
        Api api = shop.api;
        JsonNode catalog = Api.ok(api.call("GET", "/api/products?q=mug", null), 200);
        assertTrue(catalog.get("content").toString().contains(Api.MUG_ID), catalog.toString());
        long stockBefore = Api.ok(api.call("GET", "/api/products/" + Api.MUG_ID, null), 200).get("stock").asLong();

        TestUser user = api.registerUser("buyer");
        String token = api.login(user.email(), user.password());
        JsonNode cart = api.putInCart(token, Api.MUG_ID, 2);
        assertEquals(2, cart.get("itemCount").asInt());

        String key = UUID.randomUUID().toString();
        HttpResponse<String> placed = api.checkout(token, key, "4242424242424242");
        JsonNode order = Api.ok(placed, 201);
        assertEquals("PAID", order.get("status").asString());
        assertEquals("4242", order.get("payment").get("last4").asString());
        assertFalse(placed.body().contains("4242424242424242"), "the card number is never echoed");
        String id = order.get("id").asString();

        JsonNode read = Api.ok(api.call("GET", "/api/orders/" + id, token), 200);
        assertEquals("PAID", read.get("status").asString());
        assertEquals(2, read.get("items").get(0).get("quantity").asInt());

        JsonNode again = Api.ok(api.checkout(token, key, "4242424242424242"), 201);
        assertEquals(id, again.get("id").asString());
        JsonNode mine = Api.ok(api.call("GET", "/api/orders", token), 200);
        assertEquals(1, mine.get("page").get("totalElements").asLong());
        assertEquals(stockBefore - 2,
                Api.ok(api.call("GET", "/api/products/" + Api.MUG_ID, null), 200).get("stock").asLong());
        assertEquals(0, Api.ok(api.call("GET", "/api/cart", token), 200).get("itemCount").asInt());
    }

    @Test
    void theCartAndOrdersNeedATokenAndTheCatalogCannotBeChangedWithoutOne(E2ePlatform shop) {
        assertEquals(401, shop.api.call("GET", "/api/cart", null).statusCode());
        assertEquals(401, shop.api.call("GET", "/api/orders", null).statusCode());
        assertEquals(401, shop.api.call("DELETE", "/api/products/" + Api.LAMP_ID, null).statusCode());
    }

}
