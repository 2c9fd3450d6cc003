package com.acme.shop.web.money;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An amount of money as the shop's APIs send it: an integer in minor units and an ISO
 * 4217 currency ({@code {"amount": 1999, "currency": "EUR"}} is 19.99 EUR). No floating
 * point.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Money(long amount, String currency) {

}
