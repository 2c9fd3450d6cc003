package com.acme.shop.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.acme.shop.common.testing.StubServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real child processes (a tiny fake service jar), real embedded PostgreSQL and Redis. */
class PlatformIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path repo;

    @Test
    void startsServicesWithEmbeddedInfraStopsAndRestartsOneAndLeavesNoProcessBehind() throws Exception {
        fakeJar("auth");
        fakeJar("gateway");
        // isolated: whatever the caller exported (the failsafe configuration exports
        // ADMIN_EMAIL,
        // SPRING_PROFILES_ACTIVE, DATABASE_URL, REDIS_URL, SERVICE_JAVA_OPTS, ...) must
        // not reach the services
        PlatformOptions options = PlatformOptions.isolated()
            .withRepoRoot(repo)
            .withDataDir(repo.resolve(".data"))
            .withServices("auth", "member", "gateway")
            .withRandomPorts()
            .withLogs(false);
        long authPid;
        long gatewayPid;
        try (Platform platform = Platform.start(options)) {
            assertEquals(java.util.List.of("member"), platform.skippedServices());
            assertEquals(platform.postgres().databaseUrl(), get(platform.url("auth"), "/env/DATABASE_URL"));
            assertEquals(Integer.toString(platform.redis().port()), get(platform.url("auth"), "/env/REDIS_PORT"));
            assertEquals(platform.url("member").toString(), get(platform.url("gateway"), "/env/MEMBER_SERVER_URL"));
            assertEquals(repo.resolve(".data/keys").toAbsolutePath().toString(),
                    get(platform.url("auth"), "/env/JWT_KEY_DIR"));
            assertEquals("admin@shop.local", get(platform.url("auth"), "/env/ADMIN_EMAIL"));
            assertEquals("null", get(platform.url("auth"), "/env/SPRING_PROFILES_ACTIVE"));
            assertEquals("null", get(platform.url("auth"), "/env/SERVICE_JAVA_OPTS"));
            assertEquals("127.0.0.1/32,::1/128", get(platform.url("auth"), "/env/TRUSTED_PROXIES"));
            assertEquals("", get(platform.url("gateway"), "/env/TRUSTED_PROXIES"));
            assertEquals(System.getenv("PATH"), get(platform.url("auth"), "/env/PATH"));
            assertEquals(Integer.toString(platform.gatewayAdminUrl().getPort()),
                    get(platform.url("gateway"), "/env/MANAGEMENT_SERVER_PORT"));
            // every service's health is waited for on its own management port
            assertEquals(Integer.toString(platform.managementUrl("auth").getPort()),
                    get(platform.url("auth"), "/env/MANAGEMENT_SERVER_PORT"));
            assertEquals("{\"status\":\"UP\"}", get(platform.managementUrl("auth"), "/actuator/health"));
            assertEquals(platform.logFile("auth"), repo.resolve(".data/logs/auth.log").toAbsolutePath());
            try (Connection c = DriverManager.getConnection(platform.postgres().jdbcUrl(), platform.postgres().user(),
                    platform.postgres().password())) {
                assertTrue(c.isValid(5));
            }
            authPid = Long.parseLong(get(platform.url("auth"), "/pid"));
            gatewayPid = Long.parseLong(get(platform.url("gateway"), "/pid"));

            platform.stop("auth");
            assertFalse(ProcessHandle.of(authPid).map(ProcessHandle::isAlive).orElse(false));
            assertThrows(IOException.class, () -> get(platform.url("auth"), "/pid"));

            platform.start("auth");
            authPid = Long.parseLong(get(platform.url("auth"), "/pid"));
        }
        assertFalse(ProcessHandle.of(authPid).map(ProcessHandle::isAlive).orElse(false));
        assertFalse(ProcessHandle.of(gatewayPid).map(ProcessHandle::isAlive).orElse(false));
        assertTrue(Files.readString(repo.resolve(".data/logs/auth.log")).contains("fake service listening"));
    }

    @Test
    void failsWithTheServicesLastLogLinesWhenItDoesNotComeUp() throws Exception {
        fakeJar("auth");
        // external servers that are never contacted: the fake service fails before it
        // would connect
        PlatformOptions options = PlatformOptions.isolated()
            .withRepoRoot(repo)
            .withDataDir(repo.resolve(".data"))
            .withServices("auth")
            .withRandomPorts()
            .withLogs(false)
            .withEnv("DATABASE_URL", "postgresql://postgres:postgres@127.0.0.1:1/none")
            .withEnv("REDIS_URL", "127.0.0.1")
            .withEnv("REDIS_PORT", "1")
            .withEnv("FAKE_FAIL", "no signing key");
        ServiceStartException e = assertThrows(ServiceStartException.class, () -> Platform.start(options));
        assertEquals("auth", e.service());
        assertTrue(e.getMessage().contains("fake failure: no signing key"), e.getMessage());
    }

    private static String get(URI base, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    /**
     * {@code <repo>/<service>/target/<service>-0.1.0-SNAPSHOT.jar} running
     * {@link FakeService} from the test classes (and common's, for its
     * {@link StubServer}).
     */
    private void fakeJar(String service) throws IOException {
        String classPath = Stream.of(FakeService.class, StubServer.class)
            .map(type -> Path.of(type.getProtectionDomain().getCodeSource().getLocation().getPath()).toUri().toString())
            .collect(Collectors.joining(" "));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        Path jar = repo.resolve(service).resolve("target").resolve(service + "-" + Platform.VERSION + ".jar");
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            // the manifest is all it needs
        }
    }

}
