package com.acme.shop.auth;

/**
 * Request and response examples of the auth API's OpenAPI document, as real calls
 * answered them: {@code OpenApiContractIT} sends every request example, checks the
 * answers against the documented schemas and records them in
 * {@code target/openapi/auth-calls.json}.
 */
public final class AuthExamples {

    /** The password of the examples (the account registered by the register example). */
    public static final String PASSWORD = "violet kettle drums at noon";

    public static final String REGISTER_REQUEST = """
            {"email":"ann.lee@example.com","password":"violet kettle drums at noon","name":"Ann Lee"}""";

    public static final String REGISTERED = """
            {"id":"34798564-7159-4726-9575-2c50bfc2e0ef","email":"ann.lee@example.com","name":"Ann Lee"}""";

    public static final String LOGIN_REQUEST = """
            {"email":"ann.lee@example.com","password":"violet kettle drums at noon"}""";

    public static final String TOKENS = """
            {"access_token":"eyJ0eXAiOiJhdCtqd3QiLCJraWQiOiJ3Q1ZWR2pVU3pDWVJtZ0VyWjdpQVdxMllPTXEwWFJZaWFOaXhQVUhkTHB3IiwiYWxnIjoiRVMyNTYifQ.eyJpc3MiOiJzaG9wLWF1dGgiLCJhdWQiOlsic2hvcC1nYXRld2F5Iiwic2hvcC1tZW1iZXIiLCJzaG9wLWJmZiIsInNob3AtYXV0aCJdLCJzdWIiOiIzNDc5ODU2NC03MTU5LTQ3MjYtOTU3NS0yYzUwYmZjMmUwZWYiLCJqdGkiOiIwZTUzMWYwZS05ZjE0LTRjYmUtYWFiOC00ZjQzZTRjYTFiNjgiLCJpYXQiOjE3OTYyMTgzNjIsImV4cCI6MTc5NjIxODY2Miwicm9sZXMiOlsiVVNFUiJdLCJlbWFpbCI6ImFubi5sZWVAZXhhbXBsZS5jb20ifQ.3k2cEw8xPrXvepenEdrVRQt9TmgWvlNjlNIXK6zqsaC-mfHrCRK1SrajY28sLAeBS9RD0mjR9EFqgWDA2yvSfw",\
            "token_type":"Bearer","expires_in":300,"refresh_token":"gkfJyn3Zsd2rzCY_uwNJwNSJRi78z3DakKumeu1cJA0"}""";

    /** The refresh token of {@link #TOKENS}. */
    public static final String REFRESH_TOKEN = "gkfJyn3Zsd2rzCY_uwNJwNSJRi78z3DakKumeu1cJA0";

    public static final String REFRESH_REQUEST = """
            {"refresh_token":"gkfJyn3Zsd2rzCY_uwNJwNSJRi78z3DakKumeu1cJA0"}""";

    public static final String PASSWORD_CHANGE_REQUEST = """
            {"current_password":"violet kettle drums at noon","new_password":"tangerine bicycle under moonlight"}""";

    public static final String UNLOCK_REQUEST = """
            {"email":"ann.lee@example.com"}""";

    public static final String VERIFIED = """
            {"sub":"34798564-7159-4726-9575-2c50bfc2e0ef","email":"ann.lee@example.com","roles":["USER"],"exp":1796218662}""";

    public static final String HEALTH = """
            {"status":"UP","service":"auth"}""";

    public static final String JWKS = """
            {"keys":[{"kty":"EC","use":"sig","crv":"P-256","kid":"wCVVGjUSzCYRmgErZ7iAWq2YOMq0XRYiaNixPUHdLpw","x":"UbpQThdVfDzBsN-h6inr4ogMPBrW82ZKA5Gq_ip6Czk",\
            "y":"VwsHl3McNBuJBxx5faiehYSyOhgPe8amMZJNu8HOYoA","alg":"ES256"}]}""";

    public static final String INVALID_CREDENTIALS = """
            {"type":"about:blank","title":"Unauthorized","status":401,"detail":"Invalid username or password",\
            "instance":"/api/auth/login"}""";

    public static final String INVALID_REFRESH_TOKEN = """
            {"type":"about:blank","title":"Unauthorized","status":401,\
            "detail":"The refresh token is invalid, expired or revoked","instance":"/api/auth/refresh"}""";

    public static final String TOO_MANY_LOGINS = """
            {"type":"about:blank","title":"Too Many Requests","status":429,\
            "detail":"Too many login attempts; try again later","instance":"/api/auth/login"}""";

    public static final String TOO_MANY_REGISTRATIONS = """
            {"type":"about:blank","title":"Too Many Requests","status":429,\
            "detail":"Too many registrations from this address; try again later","instance":"/api/auth/register"}""";

    public static final String EMAIL_TAKEN = """
            {"type":"about:blank","title":"Conflict","status":409,\
            "detail":"An account with this e-mail address already exists","instance":"/api/auth/register"}""";

    public static final String WEAK_PASSWORD = """
            {"type":"about:blank","title":"Bad Request","status":400,"detail":"Validation failed.",\
            "instance":"/api/auth/register","errors":[{"field":"password",\
            "message":"Password must be at least 15 characters long"}]}""";

    public static final String BUSY = """
            {"type":"about:blank","title":"Service Unavailable","status":503,\
            "detail":"The service is busy (login); try again shortly","instance":"/api/auth/login"}""";

    private AuthExamples() {
    }

}
