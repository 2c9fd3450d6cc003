package com.acme.shop.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ServiceProcessTest {

    private static final Path JAR = Path.of("auth/target/auth-0.1.0-SNAPSHOT.jar");

    @Test
    void startsServicesWithSmallQuickJvmOptionsByDefault() {
        List<String> command = ServiceProcess.command(JAR, null);

        assertEquals(
                List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                        "-XX:ThreadPriorityPolicy=1", "-XX:JavaPriority1_To_OSPriority=19",
                        "-XX:JavaPriority6_To_OSPriority=0", "-XX:JavaPriority7_To_OSPriority=0",
                        "-XX:JavaPriority8_To_OSPriority=0", "-XX:JavaPriority9_To_OSPriority=0",
                        "-XX:JavaPriority10_To_OSPriority=0", "-jar", JAR.toAbsolutePath().toString()),
                command.subList(1, command.size()));
    }

    @Test
    void serviceJavaOptsReplaceTheDefaults() {
        List<String> command = ServiceProcess.command(JAR, "  -Xmx512m   -XX:+UseParallelGC ");

        assertEquals(List.of("-Xmx512m", "-XX:+UseParallelGC", "-jar", JAR.toAbsolutePath().toString()),
                command.subList(1, command.size()));
    }

    @Test
    void aServiceStartedWithoutTheCallersEnvironmentGetsOnlyTheSystemVariablesAndItsOwn() {
        Map<String, String> caller = Map.of("PATH", "/usr/bin", "HOME", "/root", "ADMIN_EMAIL", "me@example.com",
                "SPRING_PROFILES_ACTIVE", "prod", "REDIS_URL", "nowhere", "JAVA_TOOL_OPTIONS", "-Xmx1m");
        Map<String, String> service = Map.of("SERVER_PORT", "4000", "ADMIN_EMAIL", "admin@shop.local");

        Map<String, String> isolated = ServiceProcess.processEnvironment(caller, service, false);

        assertEquals(
                Map.of("PATH", "/usr/bin", "HOME", "/root", "SERVER_PORT", "4000", "ADMIN_EMAIL", "admin@shop.local"),
                isolated);
    }

    @Test
    void aServiceStartedWithTheCallersEnvironmentGetsItWithItsOwnVariablesOnTop() {
        Map<String, String> caller = Map.of("PATH", "/usr/bin", "SPRING_PROFILES_ACTIVE", "prod", "ADMIN_EMAIL",
                "me@example.com");
        Map<String, String> service = Map.of("ADMIN_EMAIL", "admin@shop.local");

        assertEquals(Map.of("PATH", "/usr/bin", "SPRING_PROFILES_ACTIVE", "prod", "ADMIN_EMAIL", "admin@shop.local"),
                ServiceProcess.processEnvironment(caller, service, true));
    }

}
