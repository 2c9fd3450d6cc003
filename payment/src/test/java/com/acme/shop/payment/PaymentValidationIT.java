package com.acme.shop.payment;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad charge requests are 400 with {@code errors[{field, message}]}, charge nothing and
 * never echo card data.
 */
class PaymentValidationIT extends PaymentServerTestSupport {

    private static final DateTimeFormatter MM_YY = DateTimeFormatter.ofPattern("MM/yy");

    @ParameterizedTest
    @ValueSource(strings = { "4242424242424241", "4242 4242 4242 4243", "4242-4242-4242-4242", "42424242424",
            "42424242424242424242", "abcd", "4242424242424242x" })
    void refusesNumbersThatAreNotLuhnValidCardNumbers(String number) {
        UUID orderId = UUID.randomUUID();
        byte[] body = postCharge(charge(orderId.toString(), 1000, "EUR", number, EXPIRY, "123")).expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("card.number")
            .jsonPath("$.errors.length()")
            .isEqualTo(1)
            .returnResult()
            .getResponseBody();
        assertThat(new String(body)).doesNotContain(number.replace(" ", ""));
        assertThat(countPayments(orderId)).isZero();
    }

    @Test
    void refusesAnExpiredCardButAcceptsOneExpiringThisMonth() {
        YearMonth now = YearMonth.now(ZoneOffset.UTC);
        UUID orderId = UUID.randomUUID();
        postCharge(charge(orderId.toString(), 1000, "EUR", "4242424242424242", now.minusMonths(1).format(MM_YY), "123"))
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("card.expiry")
            .jsonPath("$.errors[0].message")
            .isEqualTo("the card has expired");
        assertThat(countPayments(orderId)).isZero();

        postCharge(charge(orderId.toString(), 1000, "EUR", "4242424242424242", now.format(MM_YY), "123")).expectStatus()
            .isCreated();
    }

    @ParameterizedTest
    @ValueSource(strings = { "13/30", "00/30", "1/30", "12/2030", "12-30", "" })
    void refusesExpiryNotMmYy(String expiry) {
        postCharge(charge(UUID.randomUUID().toString(), 1000, "EUR", "4242424242424242", expiry, "123")).expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("card.expiry");
    }

    @ParameterizedTest
    @ValueSource(strings = { "12", "12345", "12a", "" })
    void refusesCvcOtherThanThreeOrFourDigits(String cvc) {
        postCharge(charge(UUID.randomUUID().toString(), 1000, "EUR", "4242424242424242", EXPIRY, cvc)).expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("card.cvc");
    }

    @Test
    void acceptsFourDigitCvc() {
        postCharge(charge(UUID.randomUUID().toString(), 1000, "EUR", "4242424242424242", EXPIRY, "1234")).expectStatus()
            .isCreated();
    }

    @ParameterizedTest
    @ValueSource(longs = { 0, -1, 100_000_000 })
    void refusesAmountsOutOfRange(long amount) {
        postCharge(charge(UUID.randomUUID().toString(), amount, "EUR", "4242424242424242", EXPIRY, "123"))
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("amount.amount");
    }

    @Test
    void refusesAFractionalAmountInsteadOfTruncatingIt() {
        UUID orderId = UUID.randomUUID();
        postCharge(charge(orderId.toString(), 19.99, "EUR", "4242424242424242", EXPIRY, "123")).expectStatus()
            .isBadRequest();
        assertThat(countPayments(orderId)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = { "eur", "EURO", "XYZ", "" })
    void refusesCurrenciesThatAreNotIso4217(String currency) {
        postCharge(charge(UUID.randomUUID().toString(), 1000, currency, "4242424242424242", EXPIRY, "123"))
            .expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("amount.currency");
    }

    @Test
    void refusesMissingOrMalformedOrderId() {
        postCharge(charge("not-a-uuid", 1000, "EUR", "4242424242424242", EXPIRY, "123")).expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("orderId");
        postCharge(charge(null, 1000, "EUR", "4242424242424242", EXPIRY, "123")).expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo("orderId");
    }

    @Test
    void listsEveryFieldErrorAtOnce() {
        postCharge(charge("x", 0, "eur", "1234", "99/99", "1")).expectStatus()
            .isBadRequest()
            .expectBody()
            .jsonPath("$.detail")
            .isEqualTo("Validation failed.")
            .jsonPath("$.errors.length()")
            .isEqualTo(6);
    }

    @Test
    void refusesMalformedJsonWithoutEchoingIt() {
        String body = "{\"orderId\":\"" + UUID.randomUUID()
                + "\",\"amount\":{\"amount\":1000,\"currency\":\"EUR\"},\"card\":{\"number\":4242424242424242x}}";
        String answer = http.post()
            .uri(PAYMENTS)
            .headers(h -> h.setBearerAuth(serviceToken()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
        assertThat(answer).doesNotContain("4242424242424242");
    }

}
