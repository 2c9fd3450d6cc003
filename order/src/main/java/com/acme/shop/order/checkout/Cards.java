package com.acme.shop.order.checkout;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.acme.shop.common.problem.FieldMessage;
import com.acme.shop.common.problem.ProblemException;
import com.acme.shop.order.clients.PaymentClient;

/**
 * Checks a card before any order exists (a bad card never reserves stock): 12–19 digits
 * passing the Luhn check, an expiry month not in the past. Messages never echo the card.
 */
final class Cards {

    private Cards() {
    }

    static PaymentClient.Card validate(CheckoutForm.CardForm form, Clock clock) {
        List<FieldMessage> errors = new ArrayList<>();
        String digits = form.cardNumber().replace(" ", "");
        if (digits.length() < 12 || digits.length() > 19 || !luhn(digits)) {
            errors.add(new FieldMessage("payment.cardNumber", "is not a valid card number"));
        }
        int month = Integer.parseInt(form.expiry().substring(0, 2));
        int year = 2000 + Integer.parseInt(form.expiry().substring(3));
        if (YearMonth.of(year, month).isBefore(YearMonth.now(clock.withZone(ZoneOffset.UTC)))) {
            errors.add(new FieldMessage("payment.expiry", "the card has expired"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new PaymentClient.Card(digits, form.expiry(), form.cvc());
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

}
