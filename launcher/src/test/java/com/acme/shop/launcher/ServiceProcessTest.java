package com.acme.shop.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class ServiceProcessTest {

    private static final Path JAR = Path.of("auth/target/auth-0.1.0-SNAPSHOT.jar");

    @Test
    void startsServicesWithSmallQuickJvmOptionsByDefault() {
        List<String> command = ServiceProcess.command(JAR, null);

        assertEquals(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", JAR.toAbsolutePath().toString()),
                command.subList(1, command.size()));
    }

    @Test
    void serviceJavaOptsReplaceTheDefaults() {
        List<String> command = ServiceProcess.command(JAR, "  -Xmx512m   -XX:+UseParallelGC ");

        assertEquals(List.of("-Xmx512m", "-XX:+UseParallelGC", "-jar", JAR.toAbsolutePath().toString()),
                command.subList(1, command.size()));
    }
}
