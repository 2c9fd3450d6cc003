package com.acme.shop.auth.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Password rules: {@code minLength} code points ({@code PASSWORD_MIN_LENGTH}, default 15),
 * {@code maxLength} 128 code points, bcrypt {@code bcryptCost} ({@code BCRYPT_COST}, default 12, at least 4).
 */
@ConfigurationProperties("shop.auth.password")
public record PasswordProperties(Integer minLength, Integer maxLength, Integer bcryptCost) {

    public PasswordProperties {
        minLength = minLength == null ? 15 : minLength;
        maxLength = maxLength == null ? 128 : maxLength;
        bcryptCost = bcryptCost == null ? 12 : bcryptCost;
        if (minLength < 8 || minLength > maxLength || maxLength < 64) {
            throw new IllegalArgumentException("PASSWORD_MIN_LENGTH must be 8.." + maxLength + " and the maximum at least 64");
        }
        if (bcryptCost < 4 || bcryptCost > 31) {
            throw new IllegalArgumentException("BCRYPT_COST must be 4..31");
        }
    }
}
