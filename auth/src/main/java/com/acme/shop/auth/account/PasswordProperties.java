package com.acme.shop.auth.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Password rules: {@code minLength} code points ({@code PASSWORD_MIN_LENGTH}, default
 * 15), {@code maxLength} 128 code points, bcrypt {@code bcryptCost} ({@code BCRYPT_COST},
 * default 12, at least 4), {@code pepper} the HMAC key of the pre-hash
 * ({@code PASSWORD_PEPPER}, base64, at least 32 bytes; see {@link PasswordPepper}).
 */
@ConfigurationProperties("shop.auth.password")
public record PasswordProperties(Integer minLength, Integer maxLength, Integer bcryptCost, String pepper) {

    public PasswordProperties(Integer minLength, Integer maxLength, Integer bcryptCost) {
        this(minLength, maxLength, bcryptCost, null);
    }

    @ConstructorBinding
    public PasswordProperties {
        minLength = minLength == null ? 15 : minLength;
        maxLength = maxLength == null ? 128 : maxLength;
        bcryptCost = bcryptCost == null ? 12 : bcryptCost;
        if (minLength < 8 || minLength > maxLength || maxLength < 64) {
            throw new IllegalArgumentException(
                    "PASSWORD_MIN_LENGTH must be 8.." + maxLength + " and the maximum at least 64");
        }
        if (bcryptCost < 4 || bcryptCost > 31) {
            throw new IllegalArgumentException("BCRYPT_COST must be 4..31");
        }
    }

    @Override
    public String toString() {
        return "PasswordProperties[minLength=" + minLength + ", maxLength=" + maxLength + ", bcryptCost=" + bcryptCost
                + "]";
    }
}
