package com.acme.shop.product;

import java.util.Arrays;
import java.util.stream.Stream;
import org.flywaydb.core.api.Location;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Adds the demo data migration ({@value #SEED_LOCATION}: ~40 products priced in
 * {@code SHOP_CURRENCY}, images under web-ui's {@code /images/products/}) to Flyway's
 * locations when {@code SEED_DEMO_DATA=true}. Without it nothing is seeded.
 */
@Configuration(proxyBeanMethods = false)
class DemoDataConfiguration {

    static final String SEED_LOCATION = "classpath:db/seed";

    @Bean
    FlywayConfigurationCustomizer demoDataLocation(ProductProperties properties) {
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
