package com.acme.shop.payment;

import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Captures the service's log, with Spring's web and codec loggers at TRACE (where they
 * print decoded request bodies) and everything else at DEBUG, during charges of every
 * kind, and finds no card number, expiry or CVC in it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "logging.level.root=DEBUG", "logging.level.org.springframework.web=TRACE",
                "logging.level.org.springframework.http=TRACE", "logging.level.org.springframework.core.codec=TRACE",
                "logging.level.org.springframework.r2dbc=DEBUG", "logging.level.io.r2dbc.postgresql.QUERY=DEBUG",
                "logging.level.io.r2dbc.postgresql.PARAM=DEBUG" })
@ExtendWith(OutputCaptureExtension.class)
class CardDataNotLoggedIT extends PaymentServerTestSupport {

    private static final String CVC = "7391";

    private static final String EXPIRY_VALUE = "11/39";

    @Test
    void noCardNumberExpiryOrCvcInTheLog(CapturedOutput output) {
        String[] numbers = { "4242 4242 4242 4242", "4000000000000002", "4000 0000 0000 9995", "4000000000000119",
                "5555555555554444", "4242424242424241" };
        for (String number : numbers) {
            postCharge(charge(UUID.randomUUID().toString(), 1999, "EUR", number, EXPIRY_VALUE, CVC));
        }
        // the same again, as order retries
        UUID orderId = UUID.randomUUID();
        postCharge(charge(orderId.toString(), 1999, "EUR", "4242424242424242", EXPIRY_VALUE, CVC), "charge-" + orderId)
            .expectStatus()
            .isCreated();
        postCharge(charge(orderId.toString(), 1999, "EUR", "4242424242424242", EXPIRY_VALUE, CVC), "charge-" + orderId)
            .expectStatus()
            .isCreated();
        // malformed JSON around a number, and a wrong type
        http.post()
            .uri(PAYMENTS)
            .headers(h -> h.setBearerAuth(serviceToken()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                    "{\"orderId\":\"" + orderId + "\",\"card\":{\"number\":4242424242424242x,\"cvc\":\"" + CVC + "\"}}")
            .exchange()
            .expectStatus()
            .isBadRequest();
        http.post()
            .uri(PAYMENTS)
            .headers(h -> h.setBearerAuth(serviceToken()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"orderId\":\"" + orderId + "\",\"card\":{\"number\":[\"4242424242424242\"],\"cvc\":{\"x\":\""
                    + CVC + "\"}}}")
            .exchange()
            .expectStatus()
            .isBadRequest();

        String log = output.getAll();
        assertThat(log).as("the log was captured").contains("Charge order=" + orderId);
        for (String number : numbers) {
            String digits = number.replace(" ", "");
            assertThat(log).doesNotContain(digits).doesNotContain(number);
            // nor the middle digits, in any grouping
            assertThat(log).doesNotContain(digits.substring(0, 12));
        }
        assertThat(log).doesNotContain(EXPIRY_VALUE);
        assertThat(Pattern.compile("cvc\\W{0,8}" + CVC).matcher(log).find()).as("cvc in the log").isFalse();
    }

}
