package com.acme.shop.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording of a service under load ({@code jcmd <pid> JFR.start}, settings
 * {@code profile}) and where its Java time went: execution samples by top frame (self),
 * by method anywhere on the stack (total), and by thread.
 */
final class JfrProfile {

    private final long pid;

    private final Path file;

    private JfrProfile(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    static JfrProfile start(long pid, Path file) {
        jcmd(pid, "JFR.start", "name=bench", "settings=profile", "filename=" + file.toAbsolutePath());
        return new JfrProfile(pid, file);
    }

    /** Stops the recording and summarizes it; {@code top} lines per table. */
    Summary stop(int top) {
        jcmd(pid, "JFR.stop", "name=bench");
        return summarize(file, top);
    }

    record Summary(long samples, Map<String, Long> self, Map<String, Long> total, Map<String, Long> threads,
            Map<String, Long> selfByPackage) {

        String render(String title) {
            StringBuilder b = new StringBuilder();
            b.append(title).append(": ").append(samples).append(" execution samples\n");
            section(b, "top frames (self)", self);
            section(b, "self time by package", selfByPackage);
            section(b, "on the stack (total)", total);
            section(b, "by thread", threads);
            return b.toString();
        }

        private void section(StringBuilder b, String name, Map<String, Long> counts) {
            b.append("  ").append(name).append('\n');
            counts.forEach((k, v) -> b.append(String.format("    %5.1f%%  %s%n", 100.0 * v / Math.max(1, samples), k)));
        }
    }

    static Summary summarize(Path file, int top) {
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> total = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> packages = new HashMap<>();
        long samples = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!"jdk.ExecutionSample".equals(event.getEventType().getName())) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                List<RecordedFrame> frames = stack.getFrames();
                String topFrame = name(frames.get(0));
                self.merge(topFrame, 1L, Long::sum);
                packages.merge(packageOf(frames.get(0)), 1L, Long::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String n = name(frame);
                    if (seen.add(n)) {
                        total.merge(n, 1L, Long::sum);
                    }
                }
                RecordedThread thread = event.getThread("sampledThread");
                String threadName = thread == null ? "?" : Procs.group(String.valueOf(thread.getJavaName()));
                threads.merge(threadName, 1L, Long::sum);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        return new Summary(samples, top(self, top), top(total, top), top(threads, 10), top(packages, top));
    }

    static String name(RecordedFrame frame) {
        if (frame.getMethod() == null) {
            return "?";
        }
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /**
     * The first three package segments of the frame's class, e.g.
     * {@code io.netty.handler}.
     */
    static String packageOf(RecordedFrame frame) {
        if (frame.getMethod() == null) {
            return "?";
        }
        String type = frame.getMethod().getType().getName();
        String[] parts = type.split("\\.");
        int n = Math.min(parts.length - 1, 3);
        return n <= 0 ? type : String.join(".", java.util.Arrays.copyOf(parts, n));
    }

    static <K> Map<K, Long> top(Map<K, Long> counts, int n) {
        Map<K, Long> result = new LinkedHashMap<>();
        counts.entrySet()
            .stream()
            .sorted(Map.Entry.<K, Long>comparingByValue().reversed())
            .limit(n)
            .forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    static void jcmd(long pid, String... args) {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(Long.toString(pid));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("jcmd " + String.join(" ", args) + " failed: " + out);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not run jcmd", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

}
