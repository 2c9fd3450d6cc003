package com.acme.shop.common.security;

import com.acme.shop.common.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * The character rules of Spring Security's {@link StrictServerWebExchangeFirewall}, as
 * loops instead of its Unicode regular expressions, and the firewall every service uses
 * with them ({@link #firewall()}).
 * <p>
 * The strict firewall checks a header's name and values on <em>every read</em> (its
 * request headers re-check {@code get}, {@code getFirst} and {@code headerNames} each
 * time), and a proxied request reads its headers many times (the gateway's header filters
 * copy them all). With {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} matched each time,
 * {@code java.util.regex} was about 4 % of the gateway's CPU samples under load (issue
 * 10). The rules are the same, character for character ({@code FirewallRulesTest}
 * compares them with Spring Security's own predicates on every code point): a name or
 * value is allowed when each of its code points is assigned and not a control character
 * (general category {@code Cc}); a header value may also hold tabs; {@code null} (an
 * absent header) is allowed. Printable ASCII, by far the common case, is decided without
 * looking the code point up.
 * <p>
 * A refused request gets {@link #rejectedHandler()}'s 400 problem instead of Spring
 * Security's empty 400.
 */
public final class FirewallRules {

    /**
     * The detail of the 400 problem; it names no value (the refused text may be a token).
     */
    public static final String REJECTED_DETAIL = "The request holds characters that are not allowed in its path, "
            + "headers or parameters (control characters, unassigned code points, encoded path separators).";

    private FirewallRules() {
    }

    /**
     * The strict firewall with its default rules, checked by these loops: header names,
     * header values and parameter names. Everything else (paths, methods, hosts,
     * parameter values) is the strict firewall's own default.
     */
    public static StrictServerWebExchangeFirewall firewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(FirewallRules::isAssignedAndNotControl);
        firewall.setAllowedHeaderValues(FirewallRules::isAllowedHeaderValue);
        firewall.setAllowedParameterNames(FirewallRules::isAssignedAndNotControl);
        return firewall;
    }

    /** Answers a request the firewall refused with a 400 problem. */
    public static ServerExchangeRejectedHandler rejectedHandler() {
        return (exchange, rejected) -> Problems.write(exchange, HttpStatus.BAD_REQUEST, REJECTED_DETAIL);
    }

    /**
     * Spring Security's {@code ALLOWED_HEADER_NAMES} and {@code ALLOWED_PARAMETER_NAMES}:
     * every code point assigned and not a control character.
     */
    public static boolean isAssignedAndNotControl(String text) {
        return allowed(text, false);
    }

    /**
     * Spring Security's {@code ALLOWED_HEADER_VALUES}: every code point assigned and not
     * a control character, or a tab.
     */
    public static boolean isAllowedHeaderValue(String text) {
        return allowed(text, true);
    }

    private static boolean allowed(String text, boolean tab) {
        if (text == null) {
            // an absent header (getFirst of a name the request does not have): allowed,
            // as Spring Security's predicates allow it
            return true;
        }
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if ((c < 0x20 || c >= 0x7f) && !(tab && c == '\t')) {
                return allowedFrom(text, i, tab);
            }
        }
        return true;
    }

    /** The general case, from the first character that is not printable ASCII. */
    private static boolean allowedFrom(String text, int from, boolean tab) {
        int i = from;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            if (!(tab && codePoint == '\t')) {
                int type = Character.getType(codePoint);
                if (type == Character.UNASSIGNED || type == Character.CONTROL) {
                    return false;
                }
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }

}
