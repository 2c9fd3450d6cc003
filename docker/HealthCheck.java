import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The image's health probe (the JRE image has no curl guaranteed): exit 0 when the
 * actuator health endpoint answers 200 with status UP, else 1. URL: the first argument,
 * else HEALTHCHECK_URL, else http://127.0.0.1:PORT/actuator/health where PORT is
 * MANAGEMENT_SERVER_PORT (the actuator's own port, the gateway's 8001) if set, else
 * SERVER_PORT, else 8080.
 */
public final class HealthCheck {

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : System.getenv("HEALTHCHECK_URL");
        if (url == null || url.isBlank()) {
            String port = System.getenv("MANAGEMENT_SERVER_PORT");
            if (port == null || port.isBlank()) {
                port = System.getenv().getOrDefault("SERVER_PORT", "8080");
            }
            url = "http://127.0.0.1:" + port + "/actuator/health";
        }
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

}
