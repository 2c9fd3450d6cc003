package com.acme.shop.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;

import com.acme.shop.common.idempotency.IdempotencyHandler;
import com.acme.shop.common.idempotency.IdempotencyProperties;
import com.acme.shop.common.net.TrustedProxies;
import com.acme.shop.common.problem.ProblemDetailsAdvice;
import com.acme.shop.common.problem.ProblemWebExceptionHandler;
import com.acme.shop.common.requestid.RequestIdWebFilter;

/**
 * common's auto-configurations as a service gets them: every one registered in
 * AutoConfiguration.imports.
 */
class CommonAutoConfigurationsTest {

    private static AutoConfigurations registered() {
        Class<?>[] classes = ImportCandidates
            .load(AutoConfiguration.class, CommonAutoConfigurationsTest.class.getClassLoader())
            .getCandidates()
            .stream()
            .filter(name -> name.startsWith("com.acme.shop.common."))
            .map(CommonAutoConfigurationsTest::load)
            .toArray(Class<?>[]::new);
        return AutoConfigurations.of(classes);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        }
        catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void givesEveryReactiveServiceRequestIdsProblemDetailsAndTrustedProxiesButNoIdempotency() {
        new ReactiveWebApplicationContextRunner().withConfiguration(registered())
            .withPropertyValues("shop.trusted-proxies=10.0.0.0/8")
            .run(context -> {
                assertThat(context).hasSingleBean(RequestIdWebFilter.class)
                    .hasSingleBean(ProblemWebExceptionHandler.class)
                    .hasSingleBean(ProblemDetailsAdvice.class)
                    .hasSingleBean(TrustedProxies.class)
                    .doesNotHaveBean(IdempotencyProperties.class)
                    .doesNotHaveBean(IdempotencyHandler.class);
                assertThat(context.getBean(TrustedProxies.class).trusts("10.1.2.3")).isTrue();
            });
    }

    @Test
    void backsOffForAServicesOwnBeans() {
        TrustedProxies own = TrustedProxies.parse("192.168.0.0/16");
        new ReactiveWebApplicationContextRunner().withConfiguration(registered())
            .withBean(TrustedProxies.class, () -> own)
            .run(context -> assertThat(context.getBean(TrustedProxies.class)).isSameAs(own));
    }

    @Test
    void wiresNoWebPiecesOutsideAReactiveWebApplication() {
        new ApplicationContextRunner().withConfiguration(registered())
            .run(context -> assertThat(context).doesNotHaveBean(RequestIdWebFilter.class)
                .doesNotHaveBean(ProblemWebExceptionHandler.class)
                .doesNotHaveBean(TrustedProxies.class));
    }

}
