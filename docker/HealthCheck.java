import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The image's health probe (the JRE image has no curl guaranteed): exit 0 when the
 * actuator health endpoint answers 200 with status UP, else 1. The actuator listens on
 * the service's management port, never on its service port. URL: the first argument,
 * else HEALTHCHECK_URL, else http://127.0.0.1:PORT/actuator/health where PORT is
 * MANAGEMENT_SERVER_PORT if set, else the default management port of the image's module
 * (SHOP_MODULE, set by the Dockerfile: auth 4001, member 5001, product 5101, payment 5301,
 * order 5201, bff 3002, gateway 8001, web-ui 3003), else SERVER_PORT, else 8080.
 */
public final class HealthCheck {

    static final Map<String, String> MANAGEMENT_PORTS = Map.of("auth", "4001", "member", "5001", "product", "5101",
            "payment", "5301", "order", "5201", "bff", "3002", "gateway", "8001", "web-ui", "3003");

    public static void main(String[] args) {
        String url = url(args, System.getenv());
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            boolean up = response.statusCode() == 200 && response.body().replace(" ", "").contains("\"status\":\"UP\"");
            if (!up) {
                System.err.println(url + " answered " + response.statusCode());
            }
            System.exit(up ? 0 : 1);
        }
        catch (Exception e) {
            System.err.println(url + ": " + e);
            System.exit(1);
        }
    }

    static String url(String[] args, Map<String, String> env) {
        if (args.length > 0) {
            return args[0];
        }
        String url = env.get("HEALTHCHECK_URL");
        if (url != null && !url.isBlank()) {
            return url;
        }
        String port = env.get("MANAGEMENT_SERVER_PORT");
        if (port == null || port.isBlank()) {
            port = MANAGEMENT_PORTS.get(env.getOrDefault("SHOP_MODULE", ""));
        }
        if (port == null || port.isBlank()) {
            port = env.getOrDefault("SERVER_PORT", "8080");
        }
        return "http://127.0.0.1:" + port + "/actuator/health";
    }

}
