package com.acme.shop.web.cart;

/**
 * A cart form: the product (when not in the path) and the quantity as typed.
 */
public record CartLineForm(String productId, String quantity) {

}
