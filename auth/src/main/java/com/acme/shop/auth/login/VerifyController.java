package com.acme.shop.auth.login;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/auth/verify}: whose is this (valid, not revoked) bearer token. */
@RestController
class VerifyController {

    @GetMapping("/api/auth/verify")
    ResponseEntity<Map<String, Object>> verify(@AuthenticationPrincipal Jwt jwt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sub", jwt.getSubject());
        body.put("email", jwt.getClaimAsString("email"));
        List<String> roles = jwt.getClaimAsStringList("roles");
        body.put("roles", roles == null ? List.of() : roles);
        body.put("exp", jwt.getExpiresAt() == null ? null : jwt.getExpiresAt().getEpochSecond());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

}
