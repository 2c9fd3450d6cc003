package com.acme.shop.common.openapi;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Adds the shared components to a service's document (without replacing one the service
 * defined itself), makes {@code servers} the relative {@code /} (so "Try it out" calls
 * the origin that served the document: the gateway from outside), fills in the version,
 * describes the {@value ApiDocs#INTERNAL_TAG} tag when an operation uses it, and writes
 * nullable references the way OpenAPI 3.1 means them ({@link #nullableReferences}).
 */
class SharedApiComponents implements GlobalOpenApiCustomizer {

    static final String INTERNAL_DESCRIPTION = "Not routed by the gateway: reachable only on the internal network, "
            + "by other services (service-to-service calls) and health probes.";

    private final String version;

    SharedApiComponents(String version) {
        this.version = version;
    }

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents();
        if (components == null) {
            components = new Components();
            openApi.setComponents(components);
        }
        Components target = components;
        if (target.getSchemas() != null) {
            target.getSchemas().values().forEach(SharedApiComponents::nullableReferences);
        }
        StandardComponents.schemas().forEach((name, schema) -> {
            if (target.getSchemas() == null || !target.getSchemas().containsKey(name)) {
                target.addSchemas(name, schema);
            }
        });
        if (target.getSecuritySchemes() == null || !target.getSecuritySchemes().containsKey(ApiDocs.BEARER)) {
            target.addSecuritySchemes(ApiDocs.BEARER, StandardComponents.bearerScheme());
        }
        StandardComponents.parameters().forEach((name, parameter) -> {
            if (target.getParameters() == null || !target.getParameters().containsKey(name)) {
                target.addParameters(name, parameter);
            }
        });
        StandardComponents.headers().forEach((name, header) -> {
            if (target.getHeaders() == null || !target.getHeaders().containsKey(name)) {
                target.addHeaders(name, header);
            }
        });
        StandardComponents.responses().forEach((name, response) -> {
            if (target.getResponses() == null || !target.getResponses().containsKey(name)) {
                target.addResponses(name, response);
            }
        });
        openApi.setServers(List.of(new Server().url("/")
            .description("The origin that served this document: the gateway (http://localhost:8000) from outside")));
        if (openApi.getInfo() == null) {
            openApi.setInfo(new Info());
        }
        if (openApi.getInfo().getVersion() == null || openApi.getInfo().getVersion().isBlank()) {
            openApi.getInfo().setVersion(version);
        }
        if (usesTag(openApi, ApiDocs.INTERNAL_TAG) && (openApi.getTags() == null
                || openApi.getTags().stream().noneMatch(tag -> ApiDocs.INTERNAL_TAG.equals(tag.getName())))) {
            openApi.addTagsItem(new Tag().name(ApiDocs.INTERNAL_TAG).description(INTERNAL_DESCRIPTION));
        }
    }

    /**
     * springdoc writes a nullable property of a referenced type
     * ({@code @Schema(nullable =
     * true)}) as {@code {"type": "null", "$ref": ...}}, which in OpenAPI 3.1 (JSON Schema
     * 2020-12) accepts nothing: both must hold. Such properties become {@code {"oneOf":
     * [{"$ref": ...}, {"type": "null"}]}}.
     */
    @SuppressWarnings({ "rawtypes", "unchecked" })
    static void nullableReferences(Schema<?> schema) {
        if (schema.getProperties() == null) {
            return;
        }
        schema.getProperties().replaceAll((name, property) -> {
            boolean nullable = Boolean.TRUE.equals(property.getNullable()) || "null".equals(property.getType())
                    || (property.getTypes() != null && property.getTypes().contains("null"));
            if (property.get$ref() == null || !nullable) {
                return property;
            }
            Schema nullSchema = new Schema<>();
            nullSchema.setTypes(new LinkedHashSet<>(List.of("null")));
            Schema either = new Schema<>();
            either.setOneOf(List.of(new Schema<>().$ref(property.get$ref()), nullSchema));
            either.setDescription(property.getDescription());
            return either;
        });
    }

    private static boolean usesTag(OpenAPI openApi, String tag) {
        if (openApi.getPaths() == null) {
            return false;
        }
        return openApi.getPaths()
            .values()
            .stream()
            .map(PathItem::readOperations)
            .flatMap(List::stream)
            .map(operation -> operation.getTags())
            .filter(Objects::nonNull)
            .anyMatch(tags -> tags.contains(tag));
    }

}
