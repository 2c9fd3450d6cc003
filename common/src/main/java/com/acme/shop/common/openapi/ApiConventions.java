package com.acme.shop.common.openapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.springdoc.core.customizers.GlobalOperationCustomizer;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * Turns {@link RequiresBearer} and {@link AcceptsIdempotencyKey} on a handler into the
 * references the operation needs, and lists every operation's responses by status. A
 * response the operation declares itself for the same status is kept and completed
 * (description, headers and examples of the shared one added), so an operation may
 * describe its own 401 or 409 and still get the shared cases documented.
 */
class ApiConventions implements GlobalOperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        RequiresBearer bearer = find(handler, RequiresBearer.class);
        if (bearer != null) {
            requireBearer(operation, bearer.roles());
        }
        if (find(handler, AcceptsIdempotencyKey.class) != null) {
            acceptIdempotencyKey(operation);
        }
        cleanReferences(operation);
        sortResponses(operation);
        return operation;
    }

    /**
     * A reference is a bare {@code $ref}: springdoc copies the annotated parameter's
     * name, schema or style next to it, which OpenAPI does not allow.
     */
    static void cleanReferences(Operation operation) {
        if (operation.getParameters() != null) {
            operation.setParameters(operation.getParameters()
                .stream()
                .map(p -> p.get$ref() != null ? new Parameter().$ref(p.get$ref()) : p)
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
        }
        if (operation.getResponses() != null) {
            operation.getResponses().values().forEach(response -> {
                if (response.getHeaders() != null) {
                    response.getHeaders()
                        .replaceAll((name, header) -> header.get$ref() != null ? new Header().$ref(header.get$ref())
                                : header);
                }
            });
        }
    }

    static void requireBearer(Operation operation, String[] roles) {
        boolean declared = operation.getSecurity() != null
                && operation.getSecurity().stream().anyMatch(requirement -> requirement.containsKey(ApiDocs.BEARER));
        if (!declared) {
            operation.addSecurityItem(new SecurityRequirement().addList(ApiDocs.BEARER));
        }
        operation.addExtension(ApiDocs.ROLES_EXTENSION, List.of(roles));
        String sentence = roles.length == 0 ? "Needs a bearer access token."
                : "Needs a bearer access token with role " + String.join(" or ", roles) + ".";
        operation.setDescription(append(operation.getDescription(), sentence));
        ApiResponses responses = responses(operation);
        add(responses, "401", ApiDocs.UNAUTHORIZED);
        if (roles.length > 0) {
            add(responses, "403", ApiDocs.FORBIDDEN);
        }
        add(responses, "503", ApiDocs.SERVICE_UNAVAILABLE);
    }

    static void acceptIdempotencyKey(Operation operation) {
        boolean declared = operation.getParameters() != null && operation.getParameters()
            .stream()
            .anyMatch(p -> ApiDocs.IDEMPOTENCY_KEY.equals(p.get$ref()) || "Idempotency-Key".equals(p.getName()));
        if (!declared) {
            operation.addParametersItem(new Parameter().$ref(ApiDocs.IDEMPOTENCY_KEY));
        }
        ApiResponses responses = responses(operation);
        responses.forEach((status, response) -> {
            if (status.startsWith("2") && response.get$ref() == null) {
                if (response.getHeaders() == null || !response.getHeaders().containsKey("Idempotent-Replayed")) {
                    response.addHeaderObject("Idempotent-Replayed", new Header().$ref(ApiDocs.IDEMPOTENT_REPLAYED));
                }
            }
        });
        add(responses, "400", ApiDocs.BAD_REQUEST);
        add(responses, "409", ApiDocs.IDEMPOTENCY_CONFLICT);
        add(responses, "422", ApiDocs.IDEMPOTENCY_KEY_REUSED);
        add(responses, "503", ApiDocs.SERVICE_UNAVAILABLE);
    }

    /**
     * Adds the shared response {@code ref} under {@code status}, or merges it into the
     * response already there.
     */
    static void add(ApiResponses responses, String status, String ref) {
        ApiResponse existing = responses.get(status);
        if (existing == null) {
            responses.addApiResponse(status, new ApiResponse().$ref(ref));
            return;
        }
        if (ref.equals(existing.get$ref())) {
            return;
        }
        ApiResponse merged = existing.get$ref() != null ? StandardComponents.response(existing.get$ref()) : existing;
        ApiResponse shared = StandardComponents.response(ref);
        merged.setDescription(append(merged.getDescription(), shared.getDescription()));
        if (shared.getHeaders() != null) {
            shared.getHeaders().forEach((name, header) -> {
                if (merged.getHeaders() == null || !merged.getHeaders().containsKey(name)) {
                    merged.addHeaderObject(name, header);
                }
            });
        }
        MediaType sharedProblem = shared.getContent().get(ApiDocs.PROBLEM_JSON);
        if (merged.getContent() == null || merged.getContent().get(ApiDocs.PROBLEM_JSON) == null) {
            merged.setContent(shared.getContent());
        }
        else if (sharedProblem.getExamples() != null) {
            MediaType problem = merged.getContent().get(ApiDocs.PROBLEM_JSON);
            sharedProblem.getExamples().forEach((name, example) -> {
                if (problem.getExamples() == null || !problem.getExamples().containsKey(name)) {
                    problem.addExamples(name, example);
                }
            });
        }
        responses.addApiResponse(status, merged);
    }

    private static void sortResponses(Operation operation) {
        if (operation.getResponses() == null) {
            return;
        }
        List<Map.Entry<String, ApiResponse>> entries = new ArrayList<>(operation.getResponses().entrySet());
        entries.sort(Comparator.comparing(Map.Entry::getKey));
        ApiResponses sorted = new ApiResponses();
        entries.forEach(e -> sorted.addApiResponse(e.getKey(), e.getValue()));
        if (operation.getResponses().getExtensions() != null) {
            sorted.setExtensions(operation.getResponses().getExtensions());
        }
        operation.setResponses(sorted);
    }

    private static ApiResponses responses(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        return operation.getResponses();
    }

    private static String append(String text, String sentence) {
        if (text == null || text.isBlank()) {
            return sentence;
        }
        if (text.contains(sentence)) {
            return text;
        }
        return text.strip() + "\n\n" + sentence;
    }

    private static <A extends java.lang.annotation.Annotation> A find(HandlerMethod handler, Class<A> type) {
        A onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), type);
        return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), type);
    }

}
