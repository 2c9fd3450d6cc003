package com.acme.shop.member;

import java.util.Arrays;
import java.util.stream.Stream;
import org.flywaydb.core.api.Location;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Adds the demo data migrations ({@value #SEED_LOCATION}) to Flyway's locations when
 * {@code SEED_DEMO_DATA=true}. Without it nothing is seeded.
 */
@Configuration(proxyBeanMethods = false)
class DemoDataConfiguration {

    static final String SEED_LOCATION = "classpath:db/seed";

    @Bean
    FlywayConfigurationCustomizer demoDataLocation(MemberProperties properties) {
        return configuration -> {
            if (properties.seedDemoData()) {
                Location[] locations = Stream
                    .concat(Arrays.stream(configuration.getLocations()), Stream.of(new Location(SEED_LOCATION)))
                    .toArray(Location[]::new);
                configuration.locations(locations);
            }
        };
    }

}
