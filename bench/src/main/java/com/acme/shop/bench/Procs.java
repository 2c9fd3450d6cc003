package com.acme.shop.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Linux process facts from {@code /proc}: resident memory, CPU time (whole process and
 * per thread name), and finding a service's JVM by its jar.
 */
final class Procs {

    /** USER_HZ: the unit of utime/stime in /proc/<pid>/stat (100 on Linux/x86). */
    static final long TICKS_PER_SECOND = 100;

    private Procs() {
    }

    /**
     * The live process whose command line runs {@code jarFileName} (e.g.
     * {@code gateway-0.1.0-SNAPSHOT.jar}), preferring children of this JVM.
     */
    static Optional<ProcessHandle> byJar(String jarFileName) {
        Optional<ProcessHandle> own = ProcessHandle.current()
            .descendants()
            .filter(p -> runs(p, jarFileName))
            .findFirst();
        return own.isPresent() ? own : ProcessHandle.allProcesses().filter(p -> runs(p, jarFileName)).findFirst();
    }

    private static boolean runs(ProcessHandle p, String jarFileName) {
        return p.isAlive() && commandLine(p.pid()).contains("/" + jarFileName);
    }

    static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
        }
        catch (IOException e) {
            return "";
        }
    }

    /** VmRSS in bytes, or -1 when the process is gone. */
    static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    String kb = line.substring("VmRSS:".length()).trim().split("\\s+")[0];
                    return Long.parseLong(kb) * 1024;
                }
            }
        }
        catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** User + system CPU time of the whole process, in milliseconds. */
    static long cpuMillis(long pid) {
        return ticks(Path.of("/proc", Long.toString(pid), "stat")) * 1000 / TICKS_PER_SECOND;
    }

    /**
     * CPU milliseconds per thread group: thread names with their numbering removed
     * ({@code reactor-http-epoll-3} → {@code reactor-http-epoll}; Linux keeps the first
     * 15 characters of a name).
     */
    static Map<String, Long> cpuMillisByThread(long pid) {
        Map<String, Long> result = new TreeMap<>();
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tasks)) {
            for (Path task : dirs) {
                String name;
                long ticks;
                try {
                    name = Files.readString(task.resolve("comm")).trim();
                    ticks = ticks(task.resolve("stat"));
                }
                catch (IOException e) {
                    continue; // the thread ended
                }
                result.merge(group(name), ticks * 1000 / TICKS_PER_SECOND, Long::sum);
            }
        }
        catch (IOException e) {
            return Map.of();
        }
        return result;
    }

    static String group(String threadName) {
        String g = threadName.replaceAll("[-#_ ]*[0-9]+$", "");
        return g.isEmpty() ? threadName : g;
    }

    /** Per-group difference {@code after - before}, largest first. */
    static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> diff = new TreeMap<>();
        after.forEach((k, v) -> diff.put(k, v - before.getOrDefault(k, 0L)));
        Map<String, Long> sorted = new LinkedHashMap<>();
        diff.entrySet()
            .stream()
            .filter(e -> e.getValue() > 0)
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static long ticks(Path stat) {
        try {
            String s = Files.readString(stat);
            // fields after "(comm)": state is field 3, utime 14, stime 15
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }
        catch (IOException | RuntimeException e) {
            return 0;
        }
    }

}
