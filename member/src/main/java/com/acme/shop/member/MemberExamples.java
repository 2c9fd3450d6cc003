package com.acme.shop.member;

/**
 * Request and response examples of the member API's OpenAPI document, as real calls
 * answered them: {@code OpenApiContractIT} sends every request example, checks the
 * answers against the documented schemas and records them in
 * {@code target/openapi/member-calls.json}.
 */
final class MemberExamples {

    /**
     * Ann, registered by auth (she has a sign-in account): the id of the path examples.
     */
    static final String ANN_ID = "34798564-7159-4726-9575-2c50bfc2e0ef";

    static final String INTERNAL_CREATE_REQUEST = """
            {"id":"34798564-7159-4726-9575-2c50bfc2e0ef","email":"ann.lee@example.com","name":"Ann Lee","phone":null}""";

    static final String ANN = """
            {"id":"34798564-7159-4726-9575-2c50bfc2e0ef","email":"ann.lee@example.com","name":"Ann Lee",\
            "phone":null,"createdAt":"2026-12-02T13:50:35.755745Z","updatedAt":"2026-12-02T13:50:35.755745Z",\
            "version":0}""";

    static final String CREATE_REQUEST = """
            {"email":"grace.hopper@example.com","name":"Grace Hopper","phone":"+1 (415) 555-0132"}""";

    static final String GRACE = """
            {"id":"79415994-fd49-4e31-98b7-a2c54e0e142d","email":"grace.hopper@example.com",\
            "name":"Grace Hopper","phone":"+1 (415) 555-0132","createdAt":"2026-12-02T13:50:35.578203Z",\
            "updatedAt":"2026-12-02T13:50:35.578203Z","version":0}""";

    static final String UPDATE_REQUEST = """
            {"email":"ann.lee@example.com","name":"Ann Lee-Smith","phone":"+44 20 7946 0958"}""";

    static final String ANN_UPDATED = """
            {"id":"34798564-7159-4726-9575-2c50bfc2e0ef","email":"ann.lee@example.com","name":"Ann Lee-Smith",\
            "phone":"+44 20 7946 0958","createdAt":"2026-12-02T13:50:35.755745Z",\
            "updatedAt":"2026-12-02T13:50:36.063785Z","version":1}""";

    /** Ben, the USER of the {@code /api/members/me} examples. */
    static final String BEN = """
            {"id":"1d2c3b4a-5f6e-4d7c-8b9a-0f1e2d3c4b5a","email":"ben.okafor@example.com","name":"Ben Okafor",\
            "phone":null,"createdAt":"2026-12-02T13:50:35.444510Z","updatedAt":"2026-12-02T13:50:35.444510Z",\
            "version":0}""";

    static final String PROFILE_REQUEST = """
            {"name":"Ben Okafor","phone":"+234 803 123 4567"}""";

    static final String BEN_UPDATED = """
            {"id":"1d2c3b4a-5f6e-4d7c-8b9a-0f1e2d3c4b5a","email":"ben.okafor@example.com","name":"Ben Okafor",\
            "phone":"+234 803 123 4567","createdAt":"2026-12-02T13:50:35.444510Z",\
            "updatedAt":"2026-12-02T13:50:36.016978Z","version":1}""";

    static final String PAGE = """
            {"content":[{"id":"34798564-7159-4726-9575-2c50bfc2e0ef","email":"ann.lee@example.com",\
            "name":"Ann Lee","phone":null,"createdAt":"2026-12-02T13:50:35.755745Z",\
            "updatedAt":"2026-12-02T13:50:35.755745Z","version":0}],"page":{"size":20,"number":0,\
            "totalElements":1,"totalPages":1}}""";

    static final String INVALID_FORM = """
            {"type":"about:blank","title":"Bad Request","status":400,"detail":"Validation failed.",\
            "instance":"/api/members/me","errors":[{"field":"name","message":"must not be blank"},\
            {"field":"phone","message":"must be 3 to 32 characters of digits, spaces, '+', '(', ')' and '-'"}]}""";

    static final String INVALID_QUERY = """
            {"type":"about:blank","title":"Bad Request","status":400,"detail":"Validation failed.",\
            "instance":"/api/members","errors":[{"field":"size","message":"must be an integer between 1 and 100"}]}""";

    static final String EMAIL_TAKEN = """
            {"type":"about:blank","title":"Conflict","status":409,\
            "detail":"A member with this email already exists.","instance":"/api/members"}""";

    static final String SIGN_IN_EMAIL = """
            {"type":"about:blank","title":"Bad Request","status":400,"detail":"Validation failed.",\
            "instance":"/api/members/me","errors":[{"field":"email",\
            "message":"is the member's sign-in email and is changed through their account"}]}""";

    static final String NOT_FOUND = """
            {"type":"about:blank","title":"Not Found","status":404,"detail":"Member not found.",\
            "instance":"/api/members/0b0e7a9c-3f2d-4c1b-8a7e-6d5c4b3a2f10"}""";

    private MemberExamples() {
    }

}
