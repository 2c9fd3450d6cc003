package com.acme.shop.e2e;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One raw HTTP request of the fuzz corpus: method, request target and header values as
 * bytes (so they may hold invalid UTF-8 or control characters), headers in order
 * (duplicates allowed) and the body. {@link #describe()} prints it escaped, to replay a
 * failure by hand.
 */
final class FuzzRequest {

    final String service;

    String method;

    byte[] target;

    final List<byte[][]> headers = new ArrayList<>();

    byte[] body = new byte[0];

    /** False when a case sets its own (odd) Content-Length. */
    boolean autoContentLength = true;

    FuzzRequest(String service, String method, String target) {
        this.service = service;
        this.method = method;
        this.target = target.getBytes(StandardCharsets.UTF_8);
    }

    FuzzRequest header(String name, String value) {
        return header(name, value.getBytes(StandardCharsets.UTF_8));
    }

    FuzzRequest header(String name, byte[] value) {
        headers.add(new byte[][] { name.getBytes(StandardCharsets.UTF_8), value });
        return this;
    }

    FuzzRequest rawHeader(byte[] name, byte[] value) {
        headers.add(new byte[][] { name, value });
        return this;
    }

    FuzzRequest removeHeader(String name) {
        headers.removeIf(h -> new String(h[0], StandardCharsets.UTF_8).equalsIgnoreCase(name));
        return this;
    }

    boolean hasHeader(String name) {
        return headers.stream().anyMatch(h -> new String(h[0], StandardCharsets.UTF_8).equalsIgnoreCase(name));
    }

    /** Every value of the header, joined with ", " (as a server would combine them). */
    String headerValues(String name) {
        return String.join(", ",
                headers.stream()
                    .filter(h -> new String(h[0], StandardCharsets.UTF_8).equalsIgnoreCase(name))
                    .map(h -> new String(h[1], StandardCharsets.UTF_8))
                    .toList());
    }

    FuzzRequest body(byte[] bytes) {
        this.body = bytes;
        return this;
    }

    FuzzRequest body(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    String targetText() {
        return new String(target, StandardCharsets.UTF_8);
    }

    byte[] toBytes(String hostHeader) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, method.getBytes(StandardCharsets.US_ASCII));
        out.write(' ');
        write(out, target);
        write(out, " HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
        if (!hasHeader("Host")) {
            write(out, ("Host: " + hostHeader + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        for (byte[][] header : headers) {
            write(out, header[0]);
            write(out, ": ".getBytes(StandardCharsets.US_ASCII));
            write(out, header[1]);
            write(out, "\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        if (autoContentLength && (body.length > 0 || needsLength())) {
            write(out, ("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        write(out, "Connection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        write(out, body);
        return out.toByteArray();
    }

    private boolean needsLength() {
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "POST", "PUT", "PATCH" -> true;
            default -> false;
        };
    }

    /**
     * The request as printable text: non-printable bytes as \xNN, long runs of one
     * character shortened.
     */
    String describe() {
        StringBuilder out = new StringBuilder();
        out.append(method).append(' ').append(escape(target)).append(" HTTP/1.1   [").append(service).append("]\n");
        for (byte[][] header : headers) {
            out.append("  ").append(escape(header[0])).append(": ").append(escape(header[1])).append('\n');
        }
        if (!autoContentLength) {
            out.append("  (no automatic Content-Length)\n");
        }
        if (body.length > 0) {
            out.append("  body (").append(body.length).append(" bytes): ").append(escape(body));
        }
        return out.toString();
    }

    static String escape(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < bytes.length && out.length() < 2000) {
            int run = 1;
            while (i + run < bytes.length && bytes[i + run] == bytes[i]) {
                run++;
            }
            int b = bytes[i] & 0xff;
            String one = b >= 0x20 && b < 0x7f && b != '\\' ? String.valueOf((char) b) : String.format("\\x%02X", b);
            if (run > 8) {
                out.append(one).append("{×").append(run).append('}');
                i += run;
            }
            else {
                out.append(one);
                i++;
            }
        }
        if (i < bytes.length) {
            out.append("…(+").append(bytes.length - i).append(" bytes)");
        }
        return out.toString();
    }

    private static void write(ByteArrayOutputStream out, byte[] bytes) {
        out.write(bytes, 0, bytes.length);
    }

}
