package com.acme.shop.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.acme.shop.infra.FreePorts;

/**
 * nginx (Debian package {@code nginx-light}) with one worker, proxying every request to
 * one upstream over kept-alive connections: the reference proxy of P1.
 */
final class Nginx implements AutoCloseable {

    private final Process process;

    private final int port;

    private Nginx(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static Nginx start(String executable, Path dir, String upstreamUrl) {
        int port = FreePorts.find();
        int upstreamPort = Urls.port(upstreamUrl);
        try {
            Files.createDirectories(dir);
            Path conf = dir.resolve("nginx.conf");
            Files.writeString(conf, config(dir, port, upstreamPort));
            Process process = new ProcessBuilder(executable, "-p", dir.toString(), "-c", conf.toString(), "-e",
                    dir.resolve("error.log").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile())
                .start();
            Nginx nginx = new Nginx(process, port);
            nginx.awaitListening(Duration.ofSeconds(10), dir);
            return nginx;
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not start nginx", e);
        }
    }

    static String config(Path dir, int port, int upstreamPort) {
        return """
                worker_processes 1;
                daemon off;
                master_process on;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 1024; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    upstream member {
                        server 127.0.0.1:%3$d;
                        keepalive 64;
                    }
                    server {
                        listen 127.0.0.1:%2$d;
                        location / {
                            proxy_pass http://member;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $host;
                            proxy_set_header X-Forwarded-For $remote_addr;
                        }
                    }
                }
                """.formatted(dir.toAbsolutePath(), port, upstreamPort);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    private void awaitListening(Duration timeout, Path dir) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "nginx exited: " + read(dir.resolve("nginx.out")) + " " + read(dir.resolve("error.log")));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/actuator/health")
                    .toURL()
                    .openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                c.getResponseCode();
                c.disconnect();
                return;
            }
            catch (IOException e) {
                Pause.millis(100);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + url());
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        }
        catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
