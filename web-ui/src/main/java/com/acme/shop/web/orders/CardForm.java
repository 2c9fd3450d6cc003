package com.acme.shop.web.orders;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.acme.shop.web.page.FormErrors;
import com.acme.shop.web.page.IdempotencyKeys;

/**
 * The checkout's card form with the idempotency key it was rendered with. Card data lives
 * only for the request: it is never logged ({@link #toString()} masks it), never put in
 * the session, and the CVC is never rendered back.
 */
public record CardForm(String cardNumber, String expiry, String cvc, String idempotencyKey) {

    static final Set<String> FIELDS = Set.of("cardNumber", "expiry", "cvc");

    static CardForm empty() {
        return new CardForm("", "", "", IdempotencyKeys.newKey());
    }

    CardForm withKey() {
        return new CardForm(cardNumber, expiry, cvc, IdempotencyKeys.orNew(idempotencyKey));
    }

    /**
     * The same card (without the CVC) under a new key: the next submit is a new attempt.
     */
    CardForm retry() {
        return new CardForm(cardNumber, expiry, "", IdempotencyKeys.newKey());
    }

    /**
     * The same key (the attempt may have happened; a resubmit must not pay twice), no
     * CVC.
     */
    CardForm again() {
        return new CardForm(cardNumber, expiry, "", idempotencyKey);
    }

    String digits() {
        return cardNumber == null ? "" : cardNumber.replaceAll("[\\s-]", "");
    }

    FormErrors validate() {
        FormErrors errors = FormErrors.none();
        if (!digits().matches("[0-9]{12,19}")) {
            errors.reject("cardNumber", "Enter the card number: 12 to 19 digits.");
        }
        if (expiry == null || !expiry.strip().matches("(0[1-9]|1[0-2]) ?/ ?[0-9]{2}")) {
            errors.reject("expiry", "Enter the expiry date as MM/YY, for example 12/30.");
        }
        if (cvc == null || !cvc.strip().matches("[0-9]{3,4}")) {
            errors.reject("cvc", "Enter the 3 or 4 digit security code.");
        }
        return errors;
    }

    Map<String, Object> body() {
        Map<String, Object> payment = new LinkedHashMap<>();
        payment.put("cardNumber", digits());
        payment.put("expiry", expiry.strip().replace(" ", ""));
        payment.put("cvc", cvc.strip());
        return Map.of("payment", payment);
    }

    @Override
    public String toString() {
        String digits = digits();
        return "CardForm[cardNumber=****" + (digits.length() >= 4 ? digits.substring(digits.length() - 4) : "")
                + ", idempotencyKey=" + idempotencyKey + "]";
    }
}
