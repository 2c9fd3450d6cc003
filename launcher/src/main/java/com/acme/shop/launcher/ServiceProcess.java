package com.acme.shop.launcher;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;

import com.acme.shop.infra.StaleProcesses;

/**
 * One service as a child JVM: start, health wait, log capture, stop (with its
 * descendants).
 */
final class ServiceProcess {

    /**
     * JVM options for every service: small and quick to start. {@code SERVICE_JAVA_OPTS}
     * replaces them. {@code -Xms32m}: without it the initial heap is 1/64 of the
     * machine's memory, capped at {@code -Xmx} (the whole 256 MiB on a 24 GiB machine),
     * and young collections touch all of it; an idle service then holds ~60 MiB more
     * (measured: the five services of issue 10's P5 1,276 → 982 MiB, start unchanged).
     * And {@link #lowPriorityThreads()}.
     */
    static final List<String> JVM_OPTIONS = Stream
        .concat(Stream.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                lowPriorityThreads().stream())
        .toList();
    static final String JAVA_OPTS_VARIABLE = "SERVICE_JAVA_OPTS";

    /** {@link PlatformOptions#LOW_PRIORITY_THREAD_OPTIONS}. */
    static List<String> lowPriorityThreads() {
        return PlatformOptions.LOW_PRIORITY_THREAD_OPTIONS;
    }

    /**
     * What a process needs from the operating system to run at all; the only variables a
     * service started without the caller's environment
     * ({@link PlatformOptions#inheritEnvironment()} false) takes from this JVM.
     */
    static final List<String> SYSTEM_VARIABLES = List.of("PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL",
            "LC_CTYPE", "TZ", "TMPDIR", "SystemRoot", "SYSTEMROOT", "windir", "TEMP", "TMP", "USERPROFILE", "COMSPEC");

    private static final int TAIL_LINES = 60;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;

    private final Path jar;

    private final Path workDir;

    private final Map<String, String> env;

    private final boolean inheritEnvironment;

    private final URI health;

    private final Path logFile;

    private final Path pidFile;

    private final boolean stream;

    private final Deque<String> tail = new ArrayDeque<>();

    /** {@code null}: no class data archive. */
    private final ClassDataSharing classData;

    private volatile Process process;

    /** The run making the class data archive, while it runs. */
    private volatile Process training;

    ServiceProcess(String name, Path jar, Path workDir, Map<String, String> env, boolean inheritEnvironment, URI health,
            Path logDir, Path runDir, boolean stream) {
        this(name, jar, workDir, env, inheritEnvironment, health, logDir, runDir, stream, null);
    }

    ServiceProcess(String name, Path jar, Path workDir, Map<String, String> env, boolean inheritEnvironment, URI health,
            Path logDir, Path runDir, boolean stream, ClassDataSharing classData) {
        this.classData = classData;
        this.name = name;
        this.jar = jar;
        this.workDir = workDir;
        this.env = Map.copyOf(env);
        this.inheritEnvironment = inheritEnvironment;
        this.health = health;
        this.logFile = logDir.resolve(name + ".log");
        this.pidFile = runDir.resolve(name + ".pid");
        this.stream = stream;
    }

    String name() {
        return name;
    }

    Map<String, String> env() {
        return env;
    }

    /**
     * The complete environment of the child process: this JVM's ({@code parent}) as a
     * base, or only its {@link #SYSTEM_VARIABLES} when not inheriting; then the service's
     * own variables on top.
     */
    static Map<String, String> processEnvironment(Map<String, String> parent, Map<String, String> service,
            boolean inherit) {
        Map<String, String> result = new java.util.LinkedHashMap<>();
        if (inherit) {
            result.putAll(parent);
        }
        else {
            for (String name : SYSTEM_VARIABLES) {
                String value = parent.get(name);
                if (value != null) {
                    result.put(name, value);
                }
            }
        }
        result.putAll(service);
        return result;
    }

    static List<String> command(Path jar, String javaOpts) {
        return command(jar, javaOpts, List.of());
    }

    static List<String> command(Path jar, String javaOpts, List<String> extraOptions) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        if (javaOpts == null || javaOpts.isBlank()) {
            command.addAll(JVM_OPTIONS);
        }
        else {
            command.addAll(List.of(javaOpts.trim().split("\\s+")));
        }
        command.addAll(extraOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        return command;
    }

    static String javaExecutable() {
        return ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** This service's command in its working directory and complete environment. */
    private ProcessBuilder processBuilder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        Map<String, String> processEnv = builder.environment();
        Map<String, String> complete = processEnvironment(Map.copyOf(processEnv), env, inheritEnvironment);
        processEnv.clear();
        processEnv.putAll(complete);
        return builder;
    }

    synchronized void start() {
        if (isAlive()) {
            return;
        }
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(pidFile.getParent());
            killStale(pidFile, name, jar);
            List<String> classDataOptions = classData != null ? classData.jvmOptions() : List.of();
            ProcessBuilder builder = processBuilder(command(jar, env.get(JAVA_OPTS_VARIABLE), classDataOptions));
            synchronized (tail) {
                tail.clear();
            }
            Process started = builder.start();
            process = started;
            Files.writeString(pidFile, Long.toString(started.pid()));
            Thread pump = new Thread(() -> pump(started), "log-" + name);
            pump.setDaemon(true);
            pump.start();
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /** Whether this service should make its class data archive ({@link #makeArchive}). */
    boolean needsArchive() {
        return classData != null && !classData.ready();
    }

    /**
     * Makes this service's class data archive ({@link ClassDataSharing}): its own command
     * and environment with the training options, at the lowest CPU priority where
     * {@code nice} exists, output to {@code <logs>/<service>-cds.log}. Blocks until that
     * run ends (at most {@code timeout}); {@link #stop} ends it early.
     */
    void makeArchive(Duration timeout) {
        if (!needsArchive()) {
            return;
        }
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
            command.addAll(List.of("/usr/bin/nice", "-n", "19"));
        }
        command.addAll(command(jar, env.get(JAVA_OPTS_VARIABLE), classData.trainingOptions()));
        ProcessBuilder builder = processBuilder(command)
            .redirectOutput(logFile.resolveSibling(name + "-cds.log").toFile());
        try {
            Process p = builder.start();
            training = p;
            boolean ended = p.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            if (!ended) {
                destroyTree(p.toHandle(), Duration.ofSeconds(5));
            }
            classData.settle(ended ? p.exitValue() : -1);
        }
        catch (IOException e) {
            Console.warn("no class data archive for " + name + ": " + e.getMessage());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finally {
            Process p = training;
            training = null;
            if (p != null && p.isAlive()) {
                destroyTree(p.toHandle(), Duration.ofSeconds(5));
                classData.settle(-1);
            }
        }
    }

    boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /**
     * Polls {@code /actuator/health} until it answers UP; fails early when the process
     * exits.
     */
    void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(3)).GET().build();
        while (true) {
            Process p = process;
            if (p == null || !p.isAlive()) {
                throw failure(
                        name + " exited" + (p == null ? "" : " with code " + p.exitValue()) + " before it was healthy");
            }
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            }
            catch (IOException e) {
                // not listening yet
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("interrupted while waiting for " + name);
            }
            if (System.nanoTime() > deadline) {
                throw failure(name + " was not healthy at " + health + " within " + timeout.toSeconds()
                        + " s (STARTUP_TIMEOUT_SECONDS sets this limit)");
            }
            try {
                Thread.sleep(300);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("interrupted while waiting for " + name);
            }
        }
    }

    /**
     * SIGTERM to the process and its descendants, SIGKILL after {@code grace}; also ends
     * a run making the class data archive.
     */
    void stop(Duration grace) {
        Process making = training;
        if (making != null) {
            destroyTree(making.toHandle(), grace);
        }
        stopService(grace);
    }

    private synchronized void stopService(Duration grace) {
        Process p = process;
        if (p == null) {
            return;
        }
        destroyTree(p.toHandle(), grace);
        process = null;
        try {
            Files.deleteIfExists(pidFile);
        }
        catch (IOException e) {
            // harmless
        }
    }

    List<String> tail() {
        synchronized (tail) {
            return List.copyOf(tail);
        }
    }

    private ServiceStartException failure(String message) {
        return new ServiceStartException(name, message, tail(), logFile);
    }

    private void pump(Process p) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                BufferedWriter log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND)) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (tail) {
                    if (tail.size() == TAIL_LINES) {
                        tail.removeFirst();
                    }
                    tail.addLast(line);
                }
                log.write(line);
                log.newLine();
                log.flush();
                if (stream) {
                    Console.line(name, line);
                }
            }
        }
        catch (IOException e) {
            // the process went away
        }
    }

    /**
     * A process of ours left running by a launcher that was killed (pid file + same jar
     * on its command line).
     */
    static void killStale(Path pidFile, String name, Path jar) {
        StaleProcesses.find(pidFile, StaleProcesses.commandContains(jar.getFileName().toString())).ifPresent(h -> {
            Console.warn("stopping a " + name + " process left running by an earlier launcher (pid " + h.pid() + ")");
            destroyTree(h, Duration.ofSeconds(10));
        });
        try {
            Files.deleteIfExists(pidFile);
        }
        catch (IOException e) {
            // a stale pid file is harmless: the next start checks the command line again
        }
    }

    static void destroyTree(ProcessHandle root, Duration grace) {
        StaleProcesses.stop(root, ProcessHandle::destroy, grace);
    }

}
