package com.acme.shop.launcher;

import com.acme.shop.infra.FreePorts;

import java.net.URI;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Service ports: the fixed ones of the local run, or free ones for tests. */
final class Ports {

    static final Map<String, Integer> FIXED = Map.of("auth", 4000, "member", 5000, "bff", 3001, "gateway", 8000,
            "web-ui", 3000);
    static final int FIXED_GATEWAY_ADMIN = 8001;
    static final int FIXED_POSTGRES = 5432;
    static final int FIXED_REDIS = 6379;

    private final Map<String, Integer> ports;

    private final int gatewayAdmin;

    private Ports(Map<String, Integer> ports, int gatewayAdmin) {
        this.ports = Map.copyOf(ports);
        this.gatewayAdmin = gatewayAdmin;
    }

    static Ports fixed() {
        return new Ports(FIXED, FIXED_GATEWAY_ADMIN);
    }

    /**
     * A distinct free port for every service (also those not started, so their URLs are
     * well defined).
     */
    static Ports random() {
        Set<Integer> taken = new HashSet<>();
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String service : PlatformOptions.ALL_SERVICES) {
            ports.put(service, distinctFreePort(taken));
        }
        return new Ports(ports, distinctFreePort(taken));
    }

    int port(String service) {
        Integer port = ports.get(service);
        if (port == null) {
            throw new IllegalArgumentException("unknown service '" + service + "'");
        }
        return port;
    }

    int gatewayAdmin() {
        return gatewayAdmin;
    }

    String url(String service) {
        return "http://localhost:" + port(service);
    }

    URI uri(String service) {
        return URI.create(url(service));
    }

    /**
     * Where {@code /actuator/health} answers: the gateway's management port (bound to
     * 127.0.0.1 only, so named by that address rather than {@code localhost}, which may
     * resolve to ::1), else the service port.
     */
    URI healthUri(String service) {
        if ("gateway".equals(service)) {
            return URI.create(gatewayAdminUrl() + "/actuator/health");
        }
        return URI.create("http://localhost:" + port(service) + "/actuator/health");
    }

    /** The gateway's management (actuator) base URL. */
    String gatewayAdminUrl() {
        return "http://127.0.0.1:" + gatewayAdmin;
    }

    private static int distinctFreePort(Set<Integer> taken) {
        for (int i = 0; i < 50; i++) {
            int port = FreePorts.find();
            if (taken.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("could not find free ports");
    }

}
