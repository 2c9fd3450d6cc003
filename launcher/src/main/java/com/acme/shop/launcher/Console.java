package com.acme.shop.launcher;

import java.io.PrintStream;
import java.util.Map;

/**
 * Prints the launcher's and the services' lines, prefixed with the service name, in
 * colour on a terminal.
 */
final class Console {

    private static final Map<String, String> COLOURS = Map.of("auth", "36", "member", "32", "bff", "35", "gateway",
            "33", "web-ui", "34", "postgres", "90", "redis", "90", "launcher", "1");

    private static final int WIDTH = "web-ui".length();

    private static final boolean ANSI = System.console() != null && System.getenv("NO_COLOR") == null
            && !"dumb".equals(System.getenv("TERM"));

    private static final PrintStream OUT = System.out;

    private Console() {
    }

    static void line(String source, String text) {
        String label = String.format("%-" + WIDTH + "s", source);
        String prefix = ANSI ? "\u001b[" + COLOURS.getOrDefault(source, "0") + "m[" + label + "]\u001b[0m "
                : "[" + label + "] ";
        synchronized (OUT) {
            OUT.println(prefix + text);
        }
    }

    static void info(String text) {
        line("launcher", text);
    }

    static void warn(String text) {
        line("launcher", (ANSI ? "\u001b[33mWARNING\u001b[0m " : "WARNING ") + text);
    }

    static void raw(String text) {
        synchronized (OUT) {
            OUT.println(text);
        }
    }

    static String bold(String text) {
        return ANSI ? "\u001b[1m" + text + "\u001b[0m" : text;
    }

}
