package com.acme.shop.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Checks a running service against the OpenAPI document it serves (docs/api.md, "Spec
 * tests"), in four steps:
 * <ol>
 * <li>{@link #specProblems()}: {@code /v3/api-docs} is OpenAPI 3.1, swagger-parser
 * reports nothing, servers are relative, and every operation carries what a reader needs
 * (a summary, examples for its path parameters, its request body and its success
 * answer);</li>
 * <li>{@link #undocumentedRoutes()}: every route the application serves (each
 * {@code RequestMappingInfoHandlerMapping} handler method and {@code RouterFunction}
 * route; actuator and springdoc's own left out) is in the document, and every documented
 * operation is a route ({@link #unservedOperations()});</li>
 * <li>{@link #unansweredOperations()}: every documented operation, called over HTTP with
 * a token of its documented roles and its example path parameters, answers: no 405, no
 * 404 unless it documents 404 and a route matched (a missing resource, not a missing
 * route), no 401/403 for the documented roles, no 5xx;</li>
 * <li>{@link #exampleMismatches()}: each operation's documented example request (path,
 * query and header parameters, body) gets the expected status (the first documented 2xx
 * unless {@link #expectStatus} says otherwise), and its body conforms to the documented
 * schema of that status and content type (JSON Schema 2020-12, formats asserted).</li>
 * </ol>
 * Operations run POST first, then GET, PUT, PATCH, DELETE (each group by path), so
 * examples can build on each other (create, then read, then delete); {@link #runFirst}
 * moves some to the front. Usage: <pre>{@code
 * OpenApiContract contract = OpenApiContract.of(context, port)
 *     .tokens(roles -> roles.contains("ADMIN") ? tokens.admin(id) : tokens.user(id));
 * contract.assertValid();
 * contract.assertMatchesRoutes();
 * contract.assertExamplesConform();
 * }</pre>
 */
public final class OpenApiContract {

    /** Where springdoc serves the document. */
    public static final String SPEC_PATH = "/v3/api-docs";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private static final List<String> METHOD_ORDER = List.of("POST", "GET", "PUT", "PATCH", "DELETE");

    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]+)}");

    private static final String ROLES_EXTENSION = "x-roles";

    private static final String BEARER_SCHEME = "bearer-jwt";

    private final ApplicationContext context;

    private final URI baseUri;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<String, String> headers = new LinkedHashMap<>();

    private final Map<String, String> ignoredRoutes = new LinkedHashMap<>();

    private final Map<String, Integer> expectedStatus = new LinkedHashMap<>();

    private final List<String> first = new ArrayList<>();

    private final Map<String, java.util.function.Supplier<String>> authorizations = new LinkedHashMap<>();

    private Function<List<String>, String> tokens = roles -> {
        throw new IllegalStateException("No token supplier: call tokens(...) for operations with security");
    };

    private java.nio.file.Path recording;

    private String specText;

    private JsonNode spec;

    private OpenApiContract(ApplicationContext context, URI baseUri) {
        this.context = context;
        this.baseUri = baseUri;
    }

    /** The service of this application context, listening on {@code localhost:port}. */
    public static OpenApiContract of(ApplicationContext context, int port) {
        return new OpenApiContract(context, URI.create("http://localhost:" + port));
    }

    /**
     * A bearer token for the roles an operation documents ({@code x-roles}, in their
     * documented order: the token needs one of them, usually the first; empty: any valid
     * token). Called once per request.
     */
    public OpenApiContract tokens(Function<List<String>, String> tokenForRoles) {
        this.tokens = tokenForRoles;
        return this;
    }

    /**
     * The {@code Authorization} header for an operation ({@code "POST /path"}) documented
     * with a security scheme other than the bearer token (e.g. HTTP Basic client
     * credentials). Called once per request.
     */
    public OpenApiContract authorization(String operation, java.util.function.Supplier<String> header) {
        authorizations.put(Route.parse(operation).toString(), header);
        return this;
    }

    /** A header sent with every call (e.g. {@code X-Forwarded-For}). */
    public OpenApiContract header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /**
     * A served route that is deliberately not documented ({@code "GET /path"}, path
     * variables in braces), with the reason. Keep this list tiny.
     */
    public OpenApiContract ignoreRoute(String route, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("An undocumented route needs a reason: " + route);
        }
        ignoredRoutes.put(Route.parse(route).toString(), reason);
        return this;
    }

    /**
     * The status the documented example of {@code operation} ({@code "POST /path"})
     * answers, when it is not the first documented 2xx (e.g. 401 for an example refresh
     * token that was never issued). It must be documented as well.
     */
    public OpenApiContract expectStatus(String operation, int status) {
        expectedStatus.put(Route.parse(operation).toString(), status);
        return this;
    }

    /**
     * Writes every example call of {@link #exampleMismatches()} (request without the
     * token, status, the answer's main headers and body) to this file as a JSON array:
     * the real answers to copy into the documented examples.
     */
    public OpenApiContract recordTo(java.nio.file.Path file) {
        this.recording = file;
        return this;
    }

    /** Operations ({@code "PUT /path"}) to call before all others, in this order. */
    public OpenApiContract runFirst(String... operations) {
        for (String operation : operations) {
            first.add(Route.parse(operation).toString());
        }
        return this;
    }

    // --- (a) the document
    // ---------------------------------------------------------------

    /** The served document (fetched once). */
    public JsonNode spec() {
        if (spec == null) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(baseUri.resolve(SPEC_PATH)).GET(), null);
            if (response.statusCode() != 200) {
                throw new AssertionError(SPEC_PATH + " answered " + response.statusCode() + ": " + response.body());
            }
            specText = response.body();
            spec = JSON.readTree(specText);
        }
        return spec;
    }

    /** Writes the served document to a file (pretty-printed), e.g. for review. */
    public void writeSpec(java.nio.file.Path file) {
        try {
            java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
            java.nio.file.Files.writeString(file, spec().toPrettyString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * The documented example {@code name} of the answer {@code status} of
     * {@code operation} ({@code "PUT /path"}), or of its only example when {@code name}
     * is {@code null}: to compare with what a real call answers.
     */
    public JsonNode documentedExample(String operation, int status, String name) {
        Route route = Route.parse(operation);
        Operation found = operations().stream()
            .filter(o -> o.route().equals(route))
            .findFirst()
            .orElseThrow(() -> new AssertionError("Not documented: " + operation));
        JsonNode response = documentedResponse(found, status);
        if (response == null) {
            throw new AssertionError(operation + " documents no " + status);
        }
        for (JsonNode media : response.path("content")) {
            if (name == null && media.has("example")) {
                return media.path("example");
            }
            if (media.path("examples").size() == 1 && name == null) {
                return resolve(media.path("examples").values().iterator().next()).path("value");
            }
            if (name != null && media.path("examples").has(name)) {
                return resolve(media.path("examples").path(name)).path("value");
            }
        }
        throw new AssertionError(operation + " " + status + " has no example " + (name == null ? "" : name));
    }

    /**
     * What is wrong with the document: swagger-parser's messages, a version other than
     * 3.1, an absolute server URL, operations without summary, examples or responses.
     */
    public List<String> specProblems() {
        JsonNode doc = spec();
        List<String> problems = new ArrayList<>();
        String version = doc.path("openapi").asString("");
        if (!version.startsWith("3.1.")) {
            problems.add("openapi is '" + version + "', expected 3.1.x");
        }
        parserMessages(specText).forEach(message -> problems.add("swagger-parser: " + message));
        for (JsonNode server : doc.path("servers")) {
            String url = server.path("url").asString("");
            if (!url.startsWith("/")) {
                problems.add("server url '" + url + "' is not relative: Swagger UI at the gateway would call it");
            }
        }
        for (String field : List.of("title", "version", "description")) {
            if (doc.path("info").path(field).asString("").isBlank()) {
                problems.add("info." + field + " is missing");
            }
        }
        for (Operation operation : operations()) {
            problems.addAll(completeness(operation));
        }
        return problems;
    }

    private List<String> completeness(Operation operation) {
        List<String> problems = new ArrayList<>();
        String id = operation.id();
        if (operation.node().path("summary").asString("").isBlank()) {
            problems.add(id + ": no summary");
        }
        for (JsonNode parameter : parameters(operation)) {
            if ("path".equals(parameter.path("in").asString()) && example(parameter) == null) {
                problems.add(id + ": path parameter '" + parameter.path("name").asString() + "' has no example");
            }
        }
        JsonNode body = resolve(operation.node().path("requestBody"));
        if (body.path("required").asBoolean(false) && requestExample(body) == null) {
            problems.add(id + ": the request body has no example");
        }
        JsonNode responses = operation.node().path("responses");
        if (responses.isEmpty()) {
            problems.add(id + ": no responses");
        }
        boolean success = false;
        for (Map.Entry<String, JsonNode> entry : responses.properties()) {
            if (!entry.getKey().startsWith("2")) {
                continue;
            }
            success = true;
            JsonNode response = resolve(entry.getValue());
            for (Map.Entry<String, JsonNode> media : response.path("content").properties()) {
                if (!media.getValue().has("example") && media.getValue().path("examples").isEmpty()) {
                    problems.add(id + ": response " + entry.getKey() + " " + media.getKey() + " has no example");
                }
            }
        }
        if (!success) {
            problems.add(id + ": no 2xx response");
        }
        return problems;
    }

    /**
     * What swagger-parser says about an OpenAPI document (references resolved and
     * checked); empty when it accepts it.
     */
    public static List<String> parserMessages(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document, null, options);
        List<String> messages = new ArrayList<>();
        if (parsed.getMessages() != null) {
            messages.addAll(parsed.getMessages());
        }
        if (parsed.getOpenAPI() == null) {
            messages.add("the document cannot be read");
        }
        return messages;
    }

    /** Fails with every {@link #specProblems()}. */
    public void assertValid() {
        fail("The OpenAPI document has problems", specProblems());
    }

    // --- (b) documented vs served
    // -------------------------------------------------------

    /**
     * The routes the application serves: handler methods of every
     * {@code RequestMappingInfoHandlerMapping} and the routes of every
     * {@code RouterFunctionMapping}, without actuator's and springdoc's own.
     */
    public List<ServedRoute> servedRoutes() {
        List<ServedRoute> routes = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class)
            .values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
                HandlerMethod handler = entry.getValue();
                if (isFrameworkOwn(handler.getBeanType())) {
                    continue;
                }
                Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
                for (PathPattern pattern : entry.getKey().getPatternsCondition().getPatterns()) {
                    String source = handler.getBeanType().getName() + "#" + handler.getMethod().getName();
                    if (methods.isEmpty()) {
                        routes.add(new ServedRoute("*", pattern, source));
                    }
                    methods.forEach(method -> routes.add(new ServedRoute(method.name(), pattern, source)));
                }
            }
        }
        for (RouterFunctionMapping mapping : context.getBeansOfType(RouterFunctionMapping.class).values()) {
            RouterFunction<?> function = mapping.getRouterFunction();
            if (function != null) {
                function.accept(new RouteCollector(routes));
            }
        }
        routes.sort(Comparator.comparing(ServedRoute::toString));
        return routes;
    }

    /** The documented operations as routes ({@code "GET /api/members/{}"}). */
    public Set<String> documentedRoutes() {
        Set<String> routes = new TreeSet<>();
        operations().forEach(operation -> routes.add(operation.route().toString()));
        return routes;
    }

    /**
     * Served routes missing from the document (each with the handler that serves it),
     * except those ignored with a reason.
     */
    public List<String> undocumentedRoutes() {
        Set<String> documented = documentedRoutes();
        List<String> missing = new ArrayList<>();
        for (ServedRoute route : servedRoutes()) {
            String key = route.route().toString();
            if (ignoredRoutes.containsKey(key)) {
                continue;
            }
            if (route.method().equals("*")) {
                missing.add(key + " (" + route.source()
                        + ") answers every method: give it a method, and document each one it serves");
            }
            else if (!documented.contains(key)) {
                missing.add(key + " (" + route.source() + ")");
            }
        }
        return missing;
    }

    /** Documented operations that no handler serves (by method and path pattern). */
    public List<String> unservedOperations() {
        Set<String> served = new LinkedHashSet<>();
        servedRoutes().forEach(route -> served.add(route.route().toString()));
        List<String> unserved = new ArrayList<>();
        for (Operation operation : operations()) {
            if (!served.contains(operation.route().toString())
                    && !served.contains(new Route("*", operation.route().path()).toString())) {
                unserved.add(operation.id());
            }
        }
        return unserved;
    }

    /**
     * Documented operations that, called with a token of their documented roles and their
     * example path parameters (and no body), do not answer as a served route: 405, a 404
     * that is not documented or that no route explains, 401/403, or 5xx.
     */
    public List<String> unansweredOperations() {
        List<ServedRoute> served = servedRoutes();
        List<String> problems = new ArrayList<>();
        for (Operation operation : orderedOperations()) {
            Call call = call(operation, false);
            int status = call.response().statusCode();
            String answer = operation.id() + " answered " + status + " (" + call.uri() + "): "
                    + abbreviate(call.response().body());
            boolean routed = served.stream().anyMatch(route -> route.matches(operation.method(), call.uri().getPath()));
            if (status == 405) {
                problems.add(answer);
            }
            else if (status == 404 && !(routed && documents(operation, 404))) {
                problems.add(answer + (routed ? " (404 not documented)" : " (no route matches)"));
            }
            else if ((status == 401 || status == 403) && !call.tokenSent().equals("none")) {
                problems.add(answer + " with a token for roles " + call.tokenSent());
            }
            else if ((status == 401 || status == 403)) {
                problems.add(answer + ": documented without security, but refused without a token");
            }
            else if (status >= 500) {
                problems.add(answer);
            }
        }
        return problems;
    }

    /**
     * Fails when a route is undocumented, a documented operation is not served, or a
     * documented operation does not answer.
     */
    public void assertMatchesRoutes() {
        List<String> problems = new ArrayList<>();
        undocumentedRoutes().forEach(route -> problems.add("undocumented route: " + route));
        unservedOperations().forEach(operation -> problems.add("documented but not served: " + operation));
        unansweredOperations().forEach(problem -> problems.add("documented operation does not answer: " + problem));
        fail("The OpenAPI document and the served routes differ", problems);
    }

    // --- (d) examples
    // -------------------------------------------------------------------

    /**
     * For each operation, its documented example request: the status when it is not the
     * expected one, and every way the answer departs from the documented response of its
     * status (content type, schema, empty body).
     */
    public List<String> exampleMismatches() {
        List<String> problems = new ArrayList<>();
        tools.jackson.databind.node.ArrayNode calls = JSON.createArrayNode();
        for (Operation operation : orderedOperations()) {
            Call call = call(operation, true);
            problems.addAll(conformance(operation, call));
            calls.add(record(operation, call));
        }
        if (recording != null) {
            try {
                java.nio.file.Files.createDirectories(recording.toAbsolutePath().getParent());
                java.nio.file.Files.writeString(recording, calls.toPrettyString());
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return problems;
    }

    private static ObjectNode record(Operation operation, Call call) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("operation", operation.id());
        ObjectNode request = entry.putObject("request");
        request.put("uri", call.uri().toString());
        ObjectNode requestHeaders = request.putObject("headers");
        call.requestHeaders().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Authorization")) {
                requestHeaders.put(name, value);
            }
        });
        if (call.requestBody() != null) {
            request.put("body", call.requestBody());
        }
        request.put("token", call.tokenSent());
        ObjectNode response = entry.putObject("response");
        response.put("status", call.response().statusCode());
        ObjectNode headers = response.putObject("headers");
        for (String name : List.of("Content-Type", "Location", "ETag", "Idempotent-Replayed", "Retry-After",
                "WWW-Authenticate", "Cache-Control")) {
            call.response().headers().firstValue(name).ifPresent(value -> headers.put(name, value));
        }
        String body = call.response().body();
        try {
            response.set("body", body == null || body.isBlank() ? null : JSON.readTree(body));
        }
        catch (RuntimeException ex) {
            response.put("body", body);
        }
        return entry;
    }

    /** Fails with every {@link #exampleMismatches()}. */
    public void assertExamplesConform() {
        fail("Documented examples do not get the documented answers", exampleMismatches());
    }

    private List<String> conformance(Operation operation, Call call) {
        List<String> problems = new ArrayList<>();
        HttpResponse<String> response = call.response();
        int status = response.statusCode();
        String id = operation.id() + " (" + call.uri() + ", " + status + ")";
        Integer expected = expectedStatus.get(operation.route().toString());
        if (expected != null && status != expected) {
            problems.add(id + ": expected " + expected + ", got " + status + ": " + abbreviate(response.body()));
        }
        else if (expected == null && (status < 200 || status > 299)) {
            problems.add(id + ": expected a 2xx answer, got " + status + ": " + abbreviate(response.body()));
        }
        JsonNode documented = documentedResponse(operation, status);
        if (documented == null) {
            problems.add(id + ": status " + status + " is not documented");
            return problems;
        }
        JsonNode content = documented.path("content");
        String body = response.body() == null ? "" : response.body();
        if (content.isEmpty()) {
            if (!body.isBlank()) {
                problems.add(id + ": documented without a body, answered " + abbreviate(body));
            }
            return problems;
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        JsonNode media = mediaType(content, contentType);
        if (media == null) {
            problems.add(
                    id + ": Content-Type '" + contentType + "' is not documented (documented: " + names(content) + ")");
            return problems;
        }
        JsonNode schema = media.path("schema");
        if (schema.isMissingNode()) {
            return problems;
        }
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        }
        catch (RuntimeException ex) {
            problems.add(id + ": body is not JSON: " + abbreviate(body));
            return problems;
        }
        for (Error error : validate(schema, instance)) {
            problems
                .add(id + ": " + error.getInstanceLocation() + " " + error.getMessage() + " in " + abbreviate(body));
        }
        return problems;
    }

    /**
     * Validates {@code instance} against a schema of the document (its refs resolved).
     */
    public List<Error> validate(JsonNode schema, JsonNode instance) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        if (schema.isObject()) {
            root.setAll((ObjectNode) schema.deepCopy());
        }
        root.set("components", spec().path("components").deepCopy());
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        return registry.getSchema(root).validate(instance);
    }

    // --- calls ------------------------------------------------------------------------

    private record Call(URI uri, String tokenSent, Map<String, String> requestHeaders, String requestBody,
            HttpResponse<String> response) {
    }

    private Call call(Operation operation, boolean example) {
        String path = operation.path();
        StringBuilder query = new StringBuilder();
        Map<String, String> requestHeaders = new LinkedHashMap<>(headers);
        for (JsonNode parameter : parameters(operation)) {
            String name = parameter.path("name").asString();
            String in = parameter.path("in").asString();
            boolean required = parameter.path("required").asBoolean(false);
            String value = example(parameter);
            if (value == null || !(example || required || "path".equals(in))) {
                continue;
            }
            switch (in) {
                case "path" -> path = path.replace("{" + name + "}", encode(value).replace("+", "%20"));
                case "query" ->
                    query.append(query.isEmpty() ? "?" : "&").append(encode(name)).append('=').append(encode(value));
                case "header" -> requestHeaders.put(name, value);
                default -> {
                }
            }
        }
        String tokenSent = "none";
        java.util.function.Supplier<String> authorization = authorizations.get(operation.route().toString());
        if (authorization != null) {
            requestHeaders.put("Authorization", authorization.get());
            tokenSent = "its own credentials";
        }
        else if (secured(operation)) {
            List<String> roles = new ArrayList<>();
            operation.node().path(ROLES_EXTENSION).forEach(role -> roles.add(role.asString()));
            requestHeaders.put("Authorization", "Bearer " + tokens.apply(List.copyOf(roles)));
            tokenSent = roles.toString();
        }
        URI uri = baseUri.resolve(path + query);
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
        String requestBody = null;
        if (example) {
            JsonNode body = resolve(operation.node().path("requestBody"));
            Map.Entry<String, String> bodyExample = requestExample(body);
            if (bodyExample != null) {
                requestHeaders.put("Content-Type", bodyExample.getKey());
                requestBody = bodyExample.getValue();
                publisher = HttpRequest.BodyPublishers.ofString(requestBody);
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(operation.method(), publisher);
        return new Call(uri, tokenSent, requestHeaders, requestBody, send(request, requestHeaders));
    }

    private HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> requestHeaders) {
        request.timeout(Duration.ofSeconds(30));
        (requestHeaders == null ? headers : requestHeaders).forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private boolean secured(Operation operation) {
        JsonNode security = operation.node().has("security") ? operation.node().path("security")
                : spec().path("security");
        for (JsonNode requirement : security) {
            if (requirement.has(BEARER_SCHEME)) {
                return true;
            }
        }
        return false;
    }

    // --- the document's parts ---------------------------------------------------------

    /** One documented operation. */
    public record Operation(String method, String path, JsonNode node) {

        Route route() {
            return new Route(method, Route.normalize(path));
        }

        /** {@code "GET /api/members/{id}"} */
        public String id() {
            return method + " " + path;
        }
    }

    /** Every documented operation, in document order. */
    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : spec().path("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (METHODS.contains(entry.getKey())) {
                    operations
                        .add(new Operation(entry.getKey().toUpperCase(Locale.ROOT), path.getKey(), entry.getValue()));
                }
            }
        }
        return operations;
    }

    private List<Operation> orderedOperations() {
        List<Operation> operations = new ArrayList<>(operations());
        operations.sort(Comparator.comparingInt((Operation o) -> {
            int index = first.indexOf(o.route().toString());
            return index >= 0 ? index : first.size();
        }).thenComparingInt(o -> {
            int index = METHOD_ORDER.indexOf(o.method());
            return index >= 0 ? index : METHOD_ORDER.size();
        }).thenComparing(Operation::path));
        return operations;
    }

    private List<JsonNode> parameters(Operation operation) {
        List<JsonNode> parameters = new ArrayList<>();
        String pathKey = operation.path();
        spec().path("paths").path(pathKey).path("parameters").forEach(p -> parameters.add(resolve(p)));
        operation.node().path("parameters").forEach(p -> parameters.add(resolve(p)));
        return parameters;
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.path("$ref").asString();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("Only local references are supported: " + ref);
            }
            current = spec().at(ref.substring(1));
            if (current.isMissingNode()) {
                throw new AssertionError("Unresolvable reference " + ref);
            }
        }
        return current;
    }

    /** The example of a parameter as a string, or {@code null}. */
    private String example(JsonNode parameter) {
        JsonNode value = exampleValue(parameter);
        if (value == null) {
            value = exampleValue(resolve(parameter.path("schema")));
        }
        if (value == null) {
            return null;
        }
        return value.isString() ? value.asString() : value.toString();
    }

    private JsonNode exampleValue(JsonNode node) {
        if (node.has("example")) {
            return node.path("example");
        }
        Iterator<JsonNode> examples = node.path("examples").values().iterator();
        if (examples.hasNext()) {
            JsonNode first = examples.next();
            // parameters: map of Example objects; schemas (3.1): array of values
            return node.path("examples").isArray() ? first : resolve(first).path("value");
        }
        return null;
    }

    /**
     * The media type and body of a request body's example (JSON first), or {@code null}.
     */
    private Map.Entry<String, String> requestExample(JsonNode requestBody) {
        JsonNode content = requestBody.path("content");
        List<Map.Entry<String, JsonNode>> media = new ArrayList<>(content.properties());
        media.sort(Comparator.comparing(e -> e.getKey().equals("application/json") ? 0 : 1));
        for (Map.Entry<String, JsonNode> entry : media) {
            JsonNode value = exampleValue(entry.getValue());
            if (value == null) {
                value = exampleValue(resolve(entry.getValue().path("schema")));
            }
            if (value != null) {
                return Map.entry(entry.getKey(), value.isString() ? value.asString() : value.toString());
            }
        }
        return null;
    }

    private boolean documents(Operation operation, int status) {
        return documentedResponse(operation, status) != null;
    }

    private JsonNode documentedResponse(Operation operation, int status) {
        JsonNode responses = operation.node().path("responses");
        String code = Integer.toString(status);
        for (String key : List.of(code, code.charAt(0) + "XX", code.charAt(0) + "xx", "default")) {
            if (responses.has(key)) {
                return resolve(responses.path(key));
            }
        }
        return null;
    }

    private static JsonNode mediaType(JsonNode content, String contentType) {
        String actual = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        for (Map.Entry<String, JsonNode> entry : content.properties()) {
            String documented = entry.getKey().toLowerCase(Locale.ROOT);
            if (documented.equals(actual) || documented.equals("*/*") || (documented.endsWith("/*")
                    && actual.startsWith(documented.substring(0, documented.length() - 1)))) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static String names(JsonNode content) {
        return String.join(", ", content.propertyNames());
    }

    private static boolean isFrameworkOwn(Class<?> type) {
        String name = type.getName();
        return name.startsWith("org.springframework.boot.") || name.startsWith("org.springdoc.");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    private static void fail(String title, List<String> problems) {
        if (!problems.isEmpty()) {
            throw new AssertionError(title + " (" + problems.size() + "):\n  " + String.join("\n  ", problems));
        }
    }

    // --- routes -----------------------------------------------------------------------

    /** A method and a path with its variables written {@code {}}. */
    public record Route(String method, String path) {

        static Route parse(String route) {
            String[] parts = route.trim().split("\\s+", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("Expected \"METHOD /path\": " + route);
            }
            return new Route(parts[0].toUpperCase(Locale.ROOT), normalize(parts[1]));
        }

        static String normalize(String path) {
            Matcher matcher = TEMPLATE.matcher(path);
            return matcher.replaceAll("{}");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** A route the application serves, and what serves it. */
    public record ServedRoute(String method, PathPattern pattern, String source) {

        public Route route() {
            return new Route(method, Route.normalize(pattern.getPatternString()));
        }

        boolean matches(String requestMethod, String path) {
            return (method.equals("*") || method.equals(requestMethod))
                    && pattern.matches(PathContainer.parsePath(path));
        }

        @Override
        public String toString() {
            return route() + " (" + source + ")";
        }
    }

    /** Collects method × path of each RouterFunction route. */
    private static final class RouteCollector implements RouterFunctions.Visitor {

        private final List<ServedRoute> routes;

        private final java.util.Deque<String> prefixes = new java.util.ArrayDeque<>();

        RouteCollector(List<ServedRoute> routes) {
            this.routes = routes;
        }

        @Override
        public void route(RequestPredicate predicate, HandlerFunction<?> handlerFunction) {
            Set<String> methods = new LinkedHashSet<>();
            Set<String> paths = new LinkedHashSet<>();
            collect(predicate, methods, paths);
            String prefix = String.join("", prefixes);
            String source = "RouterFunction " + handlerFunction.getClass().getName();
            for (String path : paths.isEmpty() ? Set.of("/**") : paths) {
                PathPattern pattern = PathPatternParser.defaultInstance.parse(prefix + path);
                for (String method : methods.isEmpty() ? Set.of("*") : methods) {
                    routes.add(new ServedRoute(method, pattern, source));
                }
            }
        }

        private static void collect(RequestPredicate predicate, Set<String> methods, Set<String> paths) {
            predicate.accept(new RequestPredicates.Visitor() {
                @Override
                public void method(Set<HttpMethod> httpMethods) {
                    httpMethods.forEach(m -> methods.add(m.name()));
                }

                @Override
                public void path(String pattern) {
                    paths.add(pattern);
                }

                @Override
                public void pathExtension(String extension) {
                }

                @Override
                public void header(String name, String value) {
                }

                @Override
                public void queryParam(String name, String value) {
                }

                @Override
                public void version(String version) {
                }

                @Override
                public void startAnd() {
                }

                @Override
                public void and() {
                }

                @Override
                public void endAnd() {
                }

                @Override
                public void startOr() {
                }

                @Override
                public void or() {
                }

                @Override
                public void endOr() {
                }

                @Override
                public void startNegate() {
                }

                @Override
                public void endNegate() {
                }

                @Override
                public void unknown(RequestPredicate predicate) {
                }
            });
        }

        @Override
        public void resources(
                Function<ServerRequest, reactor.core.publisher.Mono<org.springframework.core.io.Resource>> lookup) {
        }

        @Override
        public void attributes(Map<String, Object> attributes) {
        }

        @Override
        public void startNested(RequestPredicate predicate) {
            Set<String> paths = new LinkedHashSet<>();
            collect(predicate, new LinkedHashSet<>(), paths);
            prefixes.addLast(paths.isEmpty() ? "" : paths.iterator().next());
        }

        @Override
        public void endNested(RequestPredicate predicate) {
            prefixes.pollLast();
        }

        @Override
        public void unknown(RouterFunction<?> routerFunction) {
        }

    }

}
