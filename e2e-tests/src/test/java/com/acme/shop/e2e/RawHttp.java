package com.acme.shop.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for requests that {@code java.net.http} refuses to send:
 * invalid UTF-8 in the request target or in header values, duplicate and overlong
 * headers, odd Content-Length. One request per connection ({@code Connection: close});
 * the answer is read to the end of the stream, chunked bodies are decoded.
 */
final class RawHttp {

    static final int MAX_RESPONSE = 4 * 1024 * 1024;

    private RawHttp() {
    }

    /**
     * A parsed answer. {@code status} is 0 when the server closed the connection without
     * answering.
     */
    record Response(int status, List<String[]> headers, byte[] body) {

        String header(String name) {
            for (String[] header : headers) {
                if (header[0].equalsIgnoreCase(name)) {
                    return header[1];
                }
            }
            return null;
        }

        String contentType() {
            String value = header("Content-Type");
            return value == null ? "" : value.toLowerCase(Locale.ROOT);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String summary(int maxBody) {
            StringBuilder out = new StringBuilder().append(status);
            for (String[] header : headers) {
                out.append("\n  ").append(header[0]).append(": ").append(header[1]);
            }
            String text = bodyText();
            out.append("\n  body (")
                .append(body.length)
                .append(" bytes): ")
                .append(text.length() > maxBody ? text.substring(0, maxBody) + "…" : text);
            return out.toString();
        }
    }

    static Response send(String host, int port, byte[] request, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush(); // no shutdownOutput(): Netty closes a half-closed connection
                             // without answering
            }
            catch (IOException writeFailed) {
                // the server may answer (400, 413, 431) and close before it read the
                // whole request: read what it sent
            }
            byte[] raw = readAll(socket.getInputStream());
            return parse(raw);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[16 * 1024];
        try {
            int n;
            while ((n = in.read(chunk)) != -1) {
                buffer.write(chunk, 0, n);
                if (buffer.size() > MAX_RESPONSE) {
                    break;
                }
            }
        }
        catch (SocketTimeoutException e) {
            if (buffer.size() == 0) {
                throw e;
            }
        }
        catch (IOException reset) {
            // connection reset after (or instead of) an answer: keep what arrived
        }
        return buffer.toByteArray();
    }

    static Response parse(byte[] raw) {
        int headEnd = indexOf(raw, new byte[] { '\r', '\n', '\r', '\n' }, 0);
        if (raw.length == 0 || headEnd < 0) {
            return new Response(0, List.of(), raw);
        }
        String head = new String(raw, 0, headEnd, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status = statusLine.length > 1 ? Integer.parseInt(statusLine[1].trim()) : 0;
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(new String[] { lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim() });
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, headEnd + 4, raw.length);
        Response response = new Response(status, headers, body);
        String encoding = response.header("Transfer-Encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = dechunk(body);
        }
        else if (response.header("Content-Length") != null) {
            int length = Integer.parseInt(response.header("Content-Length").trim());
            if (length < body.length) {
                body = java.util.Arrays.copyOf(body, length);
            }
        }
        return new Response(status, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < chunked.length) {
            int lineEnd = indexOf(chunked, new byte[] { '\r', '\n' }, pos);
            if (lineEnd < 0) {
                break;
            }
            String sizeLine = new String(chunked, pos, lineEnd - pos, StandardCharsets.ISO_8859_1);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            int end = Math.min(start + size, chunked.length);
            out.write(chunked, start, end - start);
            pos = end + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer: for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

}
