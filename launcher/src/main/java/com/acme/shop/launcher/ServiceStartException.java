package com.acme.shop.launcher;

import java.nio.file.Path;
import java.util.List;

/** A service did not become healthy; the message ends with its last log lines. */
public final class ServiceStartException extends RuntimeException {

    private final String service;

    ServiceStartException(String service, String message, List<String> lastLines, Path logFile) {
        super(message + "\n--- last lines of " + service + " (full log: " + logFile + ") ---\n"
                + String.join("\n", lastLines));
        this.service = service;
    }

    public String service() {
        return service;
    }

}
