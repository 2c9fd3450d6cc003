package com.acme.shop.gateway.docs;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The services whose OpenAPI specs the gateway's Swagger UI lists, bound to
 * {@code shop.docs}: {@code services} maps a name to the service's base URL (the same URL
 * its API route uses), in the order the UI lists them; each service serves its spec at
 * {@code spec-path}. Adding a service to the UI is one line under
 * {@code shop.docs.services}.
 */
@ConfigurationProperties("shop.docs")
record DocsProperties(@DefaultValue Map<String, URI> services, @DefaultValue("/v3/api-docs") String specPath) {

    /** Where the gateway serves a service's spec: {@value}{@code <name>}. */
    static final String SPECS_PATH = "/docs/specs/";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    DocsProperties {
        services.forEach((name, url) -> {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(
                        "shop.docs.services: '" + name + "' is not a valid name (lower-case letters, digits, '-')");
            }
            if (url == null || url.getHost() == null
                    || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
                throw new IllegalArgumentException(
                        "shop.docs.services." + name + ": '" + url + "' is not an http(s) URL with a host");
            }
        });
        if (!specPath.startsWith("/")) {
            throw new IllegalArgumentException("shop.docs.spec-path must start with '/': " + specPath);
        }
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
    }

    /** The gateway path of a service's spec, e.g. {@code /docs/specs/auth}. */
    static String specUrl(String name) {
        return SPECS_PATH + name;
    }

    /** The service's own spec URL, e.g. {@code http://localhost:4000/v3/api-docs}. */
    URI upstreamSpec(String name) {
        URI base = services.get(name);
        return base == null ? null : base.resolve(specPath);
    }

}
