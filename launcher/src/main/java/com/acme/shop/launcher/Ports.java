package com.acme.shop.launcher;

import com.acme.shop.infra.FreePorts;

import java.net.URI;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Service ports and their management (actuator) ports: the fixed ones of the local run,
 * or free ones for tests.
 */
final class Ports {

    static final Map<String, Integer> FIXED = Map.of("auth", 4000, "member", 5000, "bff", 3001, "gateway", 8000,
            "web-ui", 3000, "product", 5100, "order", 5200, "payment", 5300);

    /**
     * Where each service's actuator (health, info, metrics, prometheus) listens, on
     * 127.0.0.1.
     */
    static final Map<String, Integer> FIXED_MANAGEMENT = Map.of("auth", 4001, "member", 5001, "bff", 3002, "gateway",
            8001, "web-ui", 3003, "product", 5101, "order", 5201, "payment", 5301);
    static final int FIXED_GATEWAY_ADMIN = FIXED_MANAGEMENT.get("gateway");
    static final int FIXED_POSTGRES = 5432;
    static final int FIXED_REDIS = 6379;

    private final Map<String, Integer> ports;

    private final Map<String, Integer> management;

    private Ports(Map<String, Integer> ports, Map<String, Integer> management) {
        this.ports = Map.copyOf(ports);
        this.management = Map.copyOf(management);
    }

    static Ports fixed() {
        return new Ports(FIXED, FIXED_MANAGEMENT);
    }

    /**
     * A distinct free port for every service and its management port (also for those not
     * started, so their URLs are well defined).
     */
    static Ports random() {
        Set<Integer> taken = new HashSet<>();
        Map<String, Integer> ports = new LinkedHashMap<>();
        Map<String, Integer> management = new LinkedHashMap<>();
        for (String service : PlatformOptions.ALL_SERVICES) {
            ports.put(service, distinctFreePort(taken));
            management.put(service, distinctFreePort(taken));
        }
        return new Ports(ports, management);
    }

    int port(String service) {
        return lookup(ports, service);
    }

    int managementPort(String service) {
        return lookup(management, service);
    }

    int gatewayAdmin() {
        return managementPort("gateway");
    }

    String url(String service) {
        return "http://localhost:" + port(service);
    }

    URI uri(String service) {
        return URI.create(url(service));
    }

    /**
     * A service's actuator base URL: its management port, bound to 127.0.0.1 only, so
     * named by that address rather than {@code localhost}, which may resolve to ::1.
     */
    String managementUrl(String service) {
        return "http://127.0.0.1:" + managementPort(service);
    }

    /** Where {@code /actuator/health} answers: the service's management port. */
    URI healthUri(String service) {
        return URI.create(managementUrl(service) + "/actuator/health");
    }

    /** The gateway's management (actuator) base URL. */
    String gatewayAdminUrl() {
        return managementUrl("gateway");
    }

    private static int lookup(Map<String, Integer> ports, String service) {
        Integer port = ports.get(service);
        if (port == null) {
            throw new IllegalArgumentException("unknown service '" + service + "'");
        }
        return port;
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
