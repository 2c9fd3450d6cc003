package com.acme.shop.common.net;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The proxies whose {@code X-Forwarded-For} a service believes (a list of addresses or
 * CIDR blocks, e.g. {@code 127.0.0.1/32,::1/128,172.28.0.0/16}). Empty means "trust no
 * forwarded header": the client is the TCP peer. The client address is found the way
 * nginx's {@code real_ip_recursive} does it: start from the peer; while the current
 * address is a trusted proxy, step one entry left in {@code X-Forwarded-For}; the first
 * address that is not trusted is the client. A malformed entry stops the walk at the last
 * good address, so a client can never choose the address it is counted under, only add
 * entries to the left of the real one.
 */
public final class TrustedProxies {

    /**
     * The header this class reads; set it only to the value of {@link #clientAddress}.
     */
    public static final String X_FORWARDED_FOR = "X-Forwarded-For";

    private static final TrustedProxies NONE = new TrustedProxies(List.of(), List.of());

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private static final int MAX_ENTRIES = 64;

    private final List<String> specs;

    private final List<Block> matchers;

    private TrustedProxies(List<String> specs, List<Block> matchers) {
        this.specs = List.copyOf(specs);
        this.matchers = List.copyOf(matchers);
    }

    /** Trusts nobody: the client is always the TCP peer. */
    public static TrustedProxies none() {
        return NONE;
    }

    /** Parses a comma-separated list of addresses or CIDR blocks; blank means none. */
    public static TrustedProxies parse(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return NONE;
        }
        return of(List.of(commaSeparated.split(",")));
    }

    /**
     * Builds the list from addresses or CIDR blocks (blank entries are skipped).
     * @throws IllegalArgumentException naming the entry when one is not an IP address or
     * CIDR block (host names are refused: they would need DNS on every request)
     */
    public static TrustedProxies of(Collection<String> entries) {
        List<String> specs = new ArrayList<>();
        List<Block> matchers = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw == null ? "" : raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            String address = entry;
            int slash = entry.indexOf('/');
            if (slash >= 0) {
                address = entry.substring(0, slash);
                String bits = entry.substring(slash + 1);
                int max = address.contains(":") ? 128 : 32;
                if (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > max) {
                    throw new IllegalArgumentException("Trusted proxy '" + entry + "' has an invalid prefix length");
                }
            }
            InetAddress parsedAddress = literal(address);
            if (parsedAddress == null || (slash >= 0
                    && Integer.parseInt(entry.substring(slash + 1)) > parsedAddress.getAddress().length * 8)) {
                throw new IllegalArgumentException("Trusted proxy '" + entry + "' is not an IP address or CIDR block");
            }
            InetAddress network = literal(address);
            int prefix = slash >= 0 ? Integer.parseInt(entry.substring(slash + 1)) : network.getAddress().length * 8;
            specs.add(entry);
            matchers.add(new Block(network.getAddress(), prefix));
        }
        return specs.isEmpty() ? NONE : new TrustedProxies(specs, matchers);
    }

    public boolean isEmpty() {
        return matchers.isEmpty();
    }

    /** The configured entries, as given. */
    public List<String> entries() {
        return specs;
    }

    /** Whether the address (an IP literal) belongs to a trusted proxy. */
    public boolean trusts(String address) {
        InetAddress parsed = literal(address);
        return parsed != null && trusts(parsed);
    }

    public boolean trusts(InetAddress address) {
        if (address == null || matchers.isEmpty()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        for (Block block : matchers) {
            if (block.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client's address for a request that arrived from {@code peer} carrying these
     * {@code X-Forwarded-For} header values (in order; each may hold a comma-separated
     * list). {@code null} when the peer is unknown.
     */
    public String clientAddress(InetSocketAddress peer, List<String> forwardedFor) {
        InetAddress current = peer == null ? null : peer.getAddress();
        if (current == null) {
            return peer == null ? null : literalOrNull(peer.getHostString());
        }
        if (!trusts(current) || forwardedFor == null || forwardedFor.isEmpty()) {
            return current.getHostAddress();
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            if (value != null) {
                for (String part : value.split(",", MAX_ENTRIES + 1)) {
                    hops.add(part.trim());
                }
            }
        }
        int stop = Math.max(0, hops.size() - MAX_ENTRIES);
        for (int i = hops.size() - 1; i >= stop; i--) {
            InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                break;
            }
            current = hop;
            if (!trusts(hop)) {
                break;
            }
        }
        return current.getHostAddress();
    }

    private static String literalOrNull(String text) {
        InetAddress parsed = literal(text);
        return parsed == null ? null : parsed.getHostAddress();
    }

    /**
     * Parses an IPv4 or IPv6 literal (brackets allowed around IPv6) without ever
     * resolving a name.
     */
    static InetAddress literal(String text) {
        if (text == null) {
            return null;
        }
        String candidate = text.trim();
        if (candidate.startsWith("[") && candidate.endsWith("]")) {
            candidate = candidate.substring(1, candidate.length() - 1);
        }
        boolean v4 = IPV4.matcher(candidate).matches();
        boolean v6 = !v4 && candidate.indexOf(':') >= 0 && IPV6.matcher(candidate).matches();
        if (!v4 && !v6) {
            return null;
        }
        if (v4) {
            for (String octet : candidate.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return null;
                }
            }
        }
        try {
            return InetAddress.getByName(candidate);
        }
        catch (UnknownHostException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A network address and prefix length; IPv4 blocks never match IPv6 addresses and
     * vice versa.
     */
    private record Block(byte[] network, int prefix) {

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int fullBytes = prefix / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[fullBytes] & mask) == (network[fullBytes] & mask);
        }
    }

    @Override
    public String toString() {
        return specs.isEmpty() ? "TrustedProxies[none]" : "TrustedProxies" + specs;
    }

}
