package com.acme.shop.member;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.tags.Tag;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The member API's OpenAPI document ({@code /v3/api-docs}); common adds the shared
 * problem schema, bearer scheme, headers and error responses.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String MEMBERS_TAG = "members";

    @Bean
    OpenAPI memberOpenApi() {
        return new OpenAPI().info(new Info().title("shop member").description("""
                Member profiles: `{id, email, name, phone, createdAt, updatedAt, version}`, `id` a UUID shared \
                with the sign-in account at auth.

                **Who may call what.** Every call needs a bearer access token (audience `shop-member`). ADMIN may \
                list, create, read, update and delete any member; USER may read and update only their own \
                profile (`/api/members/me`, or `/api/members/{id}` with their own id). `/internal/members` is for \
                auth's service token (role SERVICE) and is not routed by the gateway.

                **Optimistic locking.** Every member answer carries `ETag` (the member's `version`); send it back \
                as `If-Match` on `PUT` to update only that version (412 otherwise).

                **Idempotency keys** on `POST` (`Idempotency-Key` or `X-Idempotency-Key`): a repeat gets the \
                stored answer for 24 h with `Idempotent-Replayed: true` (docs/idempotency.md).

                **Errors** are `application/problem+json` (`Problem`); validation failures list every invalid \
                field in `errors`."""))
            .addTagsItem(new Tag().name(MEMBERS_TAG).description("Member profiles (routed by the gateway)"));
    }

}
