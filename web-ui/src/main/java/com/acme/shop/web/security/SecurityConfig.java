package com.acme.shop.web.security;

import java.net.URI;

import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

import com.acme.shop.web.auth.LoginAuthenticationManager;
import com.acme.shop.web.error.ErrorPages;
import com.acme.shop.web.error.ProblemResponses;
import com.acme.shop.web.error.SessionExpiredResponses;
import com.acme.shop.web.page.Htmx;

import reactor.core.publisher.Mono;

/**
 * Session-based security for the pages and the {@code /api/**} proxy: form login against
 * auth (fields {@code email}/{@code password}), session-bound CSRF tokens (C7), session
 * fixation protection by changing the id at login (C3), POST-only logout (C6).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    ServerSecurityContextRepository securityContextRepository() {
        return new WebSessionServerSecurityContextRepository();
    }

    @Bean
    ServerRequestCache serverRequestCache() {
        WebSessionServerRequestCache cache = new WebSessionServerRequestCache();
        cache.setSaveRequestMatcher(savedRequestMatcher());
        cache.setMatchingRequestParameterName(null);
        return cache;
    }

    /**
     * Only page navigations are remembered for after the login (no htmx, API or asset
     * requests).
     */
    static ServerWebExchangeMatcher savedRequestMatcher() {
        return exchange -> {
            String path = exchange.getRequest().getPath().pathWithinApplication().value();
            boolean page = exchange.getRequest().getMethod() == HttpMethod.GET && !Htmx.isHtmx(exchange)
                    && !Htmx.isApi(exchange) && !SecurityHeadersWebFilter.isStaticAsset(path)
                    && !path.startsWith("/favicon") && !path.startsWith("/actuator")
                    && !path.startsWith("/.well-known");
            return page ? ServerWebExchangeMatcher.MatchResult.match()
                    : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http,
            LoginAuthenticationManager authenticationManager, ServerSecurityContextRepository contextRepository,
            ServerRequestCache requestCache, SessionExpiredResponses responses, ErrorPages errorPages,
            LogoutHandling logoutHandling) {
        AuthenticationWebFilter login = new AuthenticationWebFilter(authenticationManager);
        login.setRequiresAuthenticationMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/login"));
        login.setServerAuthenticationConverter(new LoginFormConverter());
        login.setSecurityContextRepository(contextRepository);
        login.setAuthenticationSuccessHandler(new LoginSuccessHandler(requestCache));
        login.setAuthenticationFailureHandler(new LoginFailureHandler());

        ServerAuthenticationEntryPoint entryPoint = (exchange, ex) -> requestCache.saveRequest(exchange)
            .then(responses.loginRequired(exchange));
        ServerAccessDeniedHandler accessDenied = (exchange, ex) -> Htmx.isApi(exchange)
                ? ProblemResponses.write(exchange.getResponse(), HttpStatus.FORBIDDEN, "Access denied")
                : errorPages.render(exchange, HttpStatus.FORBIDDEN.value());

        return http.securityContextRepository(contextRepository)
            .requestCache(cache -> cache.requestCache(requestCache))
            .authorizeExchange(exchanges -> exchanges
                .pathMatchers("/css/**", "/js/**", "/img/**", "/images/**", "/webjars/**", "/favicon.ico")
                .permitAll()
                // the actuator answers only on the management port
                // (MANAGEMENT_SERVER_PORT), never on :3000
                .matchers(EndpointRequest.toAnyEndpoint())
                .permitAll()
                .pathMatchers("/login", "/register")
                .permitAll()
                .pathMatchers(HttpMethod.GET, "/logout")
                .permitAll()
                .pathMatchers(HttpMethod.GET, "/products", "/products/**")
                .permitAll()
                .pathMatchers("/members", "/members/**", "/admin", "/admin/**")
                .hasRole("ADMIN")
                .anyExchange()
                .authenticated())
            .addFilterAt(login, SecurityWebFiltersOrder.FORM_LOGIN)
            .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
            .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
            .csrf(csrf -> csrf.csrfTokenRequestHandler(new LenientXorCsrfTokenRequestHandler())
                .accessDeniedHandler(accessDenied))
            .exceptionHandling(
                    handling -> handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
            .logout(logout -> logout.logoutUrl("/logout").logoutHandler(handlers -> {
                handlers.clear();
                handlers.add(logoutHandling::revokeTokens);
            }).logoutSuccessHandler(logoutHandling::onLogoutSuccess))
            .headers(headers -> headers.hsts(ServerHttpSecurity.HeaderSpec.HstsSpec::disable)
                .cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable)
                .frameOptions(frame -> frame.mode(Mode.DENY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
            .build();
    }

    static Mono<Void> redirect(org.springframework.web.server.ServerWebExchange exchange, String location) {
        exchange.getResponse().setStatusCode(HttpStatus.FOUND);
        exchange.getResponse().getHeaders().setLocation(URI.create(location));
        return exchange.getResponse().setComplete();
    }

}
