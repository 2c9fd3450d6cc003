package com.acme.shop.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The one place that finds and stops a process left running by an earlier run that was
 * killed before it could stop it: an embedded PostgreSQL or Redis on a kept data
 * directory, or a service started by a killed launcher. Such a process is found through
 * the pid file it (or we) wrote, and only if its command still looks like ours, so a
 * recycled pid is never touched.
 */
public final class StaleProcesses {

    private StaleProcesses() {
    }

    /**
     * The live process whose pid is on the first line of {@code pidFile} and whose
     * {@link ProcessHandle.Info} passes {@code isOurs}; empty when there is no such file,
     * no such process, or it is someone else's.
     */
    public static Optional<ProcessHandle> find(Path pidFile, Predicate<ProcessHandle.Info> isOurs) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> isOurs.test(p.info()));
        }
        catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the process's command line (or, when hidden, its command) contains
     * {@code text}.
     */
    public static Predicate<ProcessHandle.Info> commandContains(String text) {
        return info -> info.commandLine().or(info::command).map(c -> c.contains(text)).orElse(false);
    }

    /**
     * Stops {@code root} and its descendants: {@code politeStop} for each (e.g.
     * {@link ProcessHandle#destroy}, a SIGTERM), up to {@code grace} for all of them to
     * exit, then a forced kill of whatever is left.
     */
    public static void stop(ProcessHandle root, Consumer<ProcessHandle> politeStop, Duration grace) {
        List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
        all.add(0, root);
        all.forEach(politeStop);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : all) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    handle.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            catch (Exception e) {
                // escalate below
            }
        }
        for (ProcessHandle handle : all) {
            if (handle.isAlive()) {
                handle.destroyForcibly();
            }
        }
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(5, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            catch (Exception e) {
                // nothing more we can do
            }
        }
    }

}
