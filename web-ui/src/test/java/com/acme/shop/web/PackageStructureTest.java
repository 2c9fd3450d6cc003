package com.acme.shop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The packages of web-ui depend on each other without cycles, and the HTTP clients of
 * auth and the gateway ({@code client}) know no UI code. Read from the sources: a
 * reference to another package of web-ui is an import or a qualified name
 * {@code com.acme.shop.web.<package>.<Type>}.
 */
class PackageStructureTest {

    private static final String BASE = "com.acme.shop.web";

    private static final Path SOURCES = Path.of("src/main/java/com/acme/shop/web");

    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);

    private static final Pattern REFERENCE = Pattern.compile("\\b(com\\.acme\\.shop\\.web(?:\\.[a-z]\\w*)*)\\.[A-Z]");

    @Test
    void packagesHaveNoCycles() {
        Map<String, Set<String>> dependencies = dependencies();

        assertThat(dependencies).as("packages read")
            .containsKeys(BASE + ".client", BASE + ".members", BASE + ".security");
        assertThat(cycles(dependencies)).as("package cycles in " + dependencies).isEmpty();
    }

    @Test
    void theClientsOfAuthAndTheGatewayKnowNoUiCode() {
        assertThat(dependencies().get(BASE + ".client")).containsOnly(BASE);
    }

    @Test
    void aCycleIsFound() {
        Map<String, Set<String>> dependencies = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d",
                Set.of("a"));

        assertThat(cycles(dependencies)).containsExactly(List.of("a", "b", "c", "a"));
    }

    private static Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> dependencies = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher declared = PACKAGE.matcher(source);
                assertThat(declared.find()).as(file + " declares its package").isTrue();
                String own = declared.group(1);
                Set<String> used = dependencies.computeIfAbsent(own, p -> new TreeSet<>());
                Matcher reference = REFERENCE.matcher(source.substring(declared.end()));
                while (reference.find()) {
                    if (!reference.group(1).equals(own)) {
                        used.add(reference.group(1));
                    }
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return dependencies;
    }

    /** Each cycle once, as the path from its smallest package back to it. */
    static List<List<String>> cycles(Map<String, Set<String>> dependencies) {
        List<List<String>> cycles = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (String start : new TreeSet<>(dependencies.keySet())) {
            Deque<List<String>> paths = new ArrayDeque<>();
            paths.push(List.of(start));
            while (!paths.isEmpty()) {
                List<String> path = paths.pop();
                for (String next : dependencies.getOrDefault(path.get(path.size() - 1), Set.of())) {
                    if (next.equals(start)) {
                        List<String> cycle = new ArrayList<>(path);
                        cycle.add(start);
                        if (reported.add(new TreeSet<>(path).toString())) {
                            cycles.add(cycle);
                        }
                    }
                    else if (next.compareTo(start) > 0 && !path.contains(next)) {
                        List<String> longer = new ArrayList<>(path);
                        longer.add(next);
                        paths.push(longer);
                    }
                }
            }
        }
        return cycles;
    }

}
