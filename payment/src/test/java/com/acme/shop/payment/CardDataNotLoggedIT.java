package com.acme.shop.payment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

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

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static final String CVC = "7391";

    private static final String EXPIRY_VALUE = "11/39";

    @Test
    void noCardNumberExpiryOrCvcInTheLog(CapturedOutput output) throws Exception {
        String[] numbers = { "4242 4242 4242 4242", "4000000000000002", "4000 0000 0000 9995", "4000000000000119",
                "5555555555554444", "4242424242424241" };
        for (String number : numbers) {
            send(json(UUID.randomUUID(), number), null);
        }
        // the same again, as order retries
        UUID orderId = UUID.randomUUID();
        assertThat(send(json(orderId, "4242424242424242"), "charge-" + orderId)).isEqualTo(201);
        assertThat(send(json(orderId, "4242424242424242"), "charge-" + orderId)).isEqualTo(201);
        // malformed JSON around a number, and wrong types
        assertThat(send(
                "{\"orderId\":\"" + orderId + "\",\"card\":{\"number\":4242424242424242x,\"cvc\":\"" + CVC + "\"}}",
                null))
            .isEqualTo(400);
        assertThat(send("{\"orderId\":\"" + orderId + "\",\"card\":{\"number\":[\"4242424242424242\"],\"cvc\":{\"x\":\""
                + CVC + "\"}}}", null))
            .isEqualTo(400);

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

    private static String json(UUID orderId, String number) {
        return "{\"orderId\":\"" + orderId + "\",\"amount\":{\"amount\":1999,\"currency\":\"EUR\"},"
                + "\"card\":{\"number\":\"" + number + "\",\"expiry\":\"" + EXPIRY_VALUE + "\",\"cvc\":\"" + CVC
                + "\"}}";
    }

    /**
     * Sends a charge with the JDK's client, which logs nothing: Spring's own client would
     * log the body it encodes into the same output.
     */
    private int send(String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + PAYMENTS))
            .header("Authorization", "Bearer " + serviceToken())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

}
