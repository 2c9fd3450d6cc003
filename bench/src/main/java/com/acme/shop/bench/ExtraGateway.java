package com.acme.shop.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.acme.shop.infra.FreePorts;

/**
 * A second gateway process beside the platform's, with its environment: the same jar with
 * both filters switched off
 * ({@code TOKEN_VALIDATION_ENABLED=false IDEMPOTENCY_ENABLED=false}, the reference of
 * P2), or another build's jar as shipped ({@code --baseline-gateway}).
 */
final class ExtraGateway implements AutoCloseable {

    /** What a process needs from the operating system (as the launcher passes on). */
    private static final List<String> SYSTEM_VARIABLES = List.of("PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL",
            "TZ", "TMPDIR");

    private final Process process;

    private final int port;

    private ExtraGateway(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The P2 reference: this build's gateway with both filters off. */
    static ExtraGateway withoutFilters(Path jar, Map<String, String> gatewayEnv, String javaOpts, Path log,
            Duration timeout) {
        return start(jar, gatewayEnv, Map.of("TOKEN_VALIDATION_ENABLED", "false", "IDEMPOTENCY_ENABLED", "false"),
                javaOpts, log, timeout);
    }

    /** Another build's gateway jar, configured as the platform's (filters on). */
    static ExtraGateway baseline(Path jar, Map<String, String> gatewayEnv, String javaOpts, Path log,
            Duration timeout) {
        return start(jar, gatewayEnv, Map.of(), javaOpts, log, timeout);
    }

    private static ExtraGateway start(Path jar, Map<String, String> gatewayEnv, Map<String, String> overrides,
            String javaOpts, Path log, Duration timeout) {
        int port = FreePorts.find();
        int admin = FreePorts.find();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(javaOpts.trim().split("\\s+")));
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        Map<String, String> inherited = Map.copyOf(env);
        env.clear();
        SYSTEM_VARIABLES.forEach(name -> {
            if (inherited.containsKey(name)) {
                env.put(name, inherited.get(name));
            }
        });
        env.putAll(gatewayEnv);
        env.remove("SERVICE_JAVA_OPTS");
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("MANAGEMENT_SERVER_PORT", Integer.toString(admin));
        env.putAll(overrides);
        try {
            Files.createDirectories(log.getParent());
            Process process = builder.start();
            ExtraGateway gateway = new ExtraGateway(process, port);
            gateway.awaitHealthy(URI.create("http://127.0.0.1:" + admin + "/actuator/health"), timeout, log);
            return gateway;
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not start the second gateway", e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    private void awaitHealthy(URI health, Duration timeout, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                close();
                throw new IllegalStateException("the gateway without filters exited; see " + log);
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            }
            catch (IOException e) {
                // not listening yet
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            Pause.millis(300);
        }
        close();
        throw new IllegalStateException(
                "the gateway without filters was not healthy within " + timeout.toSeconds() + " s; see " + log);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
