package com.acme.shop.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal RESP client for the tests: sends one inline command and reads one reply line.
 */
final class RedisPing {

    private RedisPing() {
    }

    static String command(RedisConnection c, String inlineCommand) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(c.host(), c.port()), 2000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write((inlineCommand + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int ch;
            while ((ch = in.read()) != -1 && ch != '\n') {
                if (ch != '\r') {
                    line.append((char) ch);
                }
            }
            if (line.charAt(0) == '$' && !line.toString().equals("$-1")) {
                // bulk string: read the payload line
                StringBuilder payload = new StringBuilder();
                while ((ch = in.read()) != -1 && ch != '\n') {
                    if (ch != '\r') {
                        payload.append((char) ch);
                    }
                }
                return payload.toString();
            }
            return line.toString();
        }
    }

    static boolean reachable(RedisConnection c) {
        try {
            return "+PONG".equals(command(c, "PING"));
        }
        catch (IOException e) {
            return false;
        }
    }

}
