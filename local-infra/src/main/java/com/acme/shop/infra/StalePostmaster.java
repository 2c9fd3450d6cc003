package com.acme.shop.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Stops a postmaster left running on a kept data directory by a process that was killed
 * before it could stop it, so that the next start does not fail on "another server might
 * be running".
 */
final class StalePostmaster {

    private StalePostmaster() {
    }

    static void stopIfRunning(Path dataDir) {
        StaleProcesses
            .find(dataDir.resolve("postmaster.pid"),
                    info -> info.command().map(c -> c.endsWith("postgres")).orElse(false))
            .ifPresent(postmaster -> {
                System.err.println("[local-infra] stopping a PostgreSQL server left running on this data "
                        + "directory (pid " + postmaster.pid() + ")");
                StaleProcesses.stop(postmaster, StalePostmaster::fastShutdown, Duration.ofSeconds(20));
            });
    }

    /**
     * SIGINT = PostgreSQL's fast shutdown: disconnects clients, then shuts down cleanly.
     */
    private static void fastShutdown(ProcessHandle process) {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO()
                .start()
                .waitFor(5, TimeUnit.SECONDS);
        }
        catch (IOException e) {
            process.destroy();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
