package com.acme.shop.web.session;

import com.acme.shop.web.auth.SessionUser;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * JSON form of {@code LoginAuthentication} in the session: only the signed-in user. The
 * authorities are derived from the user's roles when it is read back, and the tokens
 * never travel with it (they have their own session attribute).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE,
        creatorVisibility = JsonAutoDetect.Visibility.NONE)
@JsonIgnoreProperties(ignoreUnknown = true)
abstract class LoginAuthenticationMixin {

    @JsonCreator
    LoginAuthenticationMixin(@JsonProperty("user") SessionUser user) {
    }

    @JsonProperty("user")
    abstract SessionUser getPrincipal();

}
