package com.acme.shop.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

import com.acme.shop.common.idempotency.IdempotencyProperties;

/**
 * The gateway's application.yml as the environment variables set it, without starting the
 * gateway.
 */
class ApplicationYamlTest {

    private static Binder binderWith(Map<String, Object> variables) throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
            .forEach(env.getPropertySources()::addLast);
        return Binder.get(env);
    }

    @Test
    void keyedRequestsGetTheSameBodyLimitAsEveryOtherRequest() throws IOException {
        IdempotencyProperties defaults = binderWith(Map.of()).bind("shop.idempotency", IdempotencyProperties.class)
            .get();
        assertThat(defaults.maxBodySize()).isEqualTo(DataSize.ofMegabytes(1));

        IdempotencyProperties raised = binderWith(Map.of("MAX_BODY_SIZE", "2MB"))
            .bind("shop.idempotency", IdempotencyProperties.class)
            .get();
        assertThat(raised.maxBodySize()).isEqualTo(DataSize.ofMegabytes(2));
    }

}
