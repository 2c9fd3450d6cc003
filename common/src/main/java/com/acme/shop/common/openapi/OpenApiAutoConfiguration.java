package com.acme.shop.common.openapi;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * The shared parts of every service's OpenAPI document, where the service brings
 * springdoc ({@code springdoc-openapi-starter-webflux-api}, optional in common):
 * {@link SharedApiComponents} and {@link ApiConventions}. The document's version is
 * {@code shop.openapi.version} (each service sets {@code @project.version@}).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(name = "org.springdoc.core.customizers.GlobalOpenApiCustomizer")
public class OpenApiAutoConfiguration {

    @Bean
    SharedApiComponents sharedApiComponents(@Value("${shop.openapi.version:unversioned}") String version) {
        return new SharedApiComponents(version);
    }

    @Bean
    ApiConventions apiConventions() {
        return new ApiConventions();
    }

}
