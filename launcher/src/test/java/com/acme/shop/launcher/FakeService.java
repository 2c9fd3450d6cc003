package com.acme.shop.launcher;

import com.acme.shop.common.testing.StubServer;
import com.acme.shop.common.testing.StubServer.Reply;

/**
 * Stands in for a Spring Boot service in {@link PlatformIT} (a {@link StubServer}):
 * {@code /actuator/health} answers UP (on MANAGEMENT_SERVER_PORT when set),
 * {@code /env/NAME} echoes a variable, {@code /pid} the process id. {@code FAKE_FAIL}
 * makes it print a line and exit.
 */
public final class FakeService {

    public static void main(String[] args) {
        if (System.getenv("FAKE_FAIL") != null) {
            System.out.println("fake failure: " + System.getenv("FAKE_FAIL"));
            System.exit(3);
        }
        int port = Integer.parseInt(System.getenv("SERVER_PORT"));
        StubServer server = StubServer.start(port)
            .on(request -> request.path().startsWith("/env/"),
                    request -> Reply.text(200,
                            String.valueOf(System.getenv(request.path().substring("/env/".length())))))
            .on("GET", "/pid", request -> Reply.text(200, Long.toString(ProcessHandle.current().pid())));
        String management = System.getenv("MANAGEMENT_SERVER_PORT");
        StubServer healthServer = management == null ? server : StubServer.start(Integer.parseInt(management));
        healthServer.on("GET", "/actuator/health", request -> Reply.json(200, "{\"status\":\"UP\"}"));
        System.out.println("fake service listening on " + port);
    }

}
