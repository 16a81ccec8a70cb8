package com.twork.points.security.control;

import java.util.Arrays;
import java.util.List;

/**
 * Who the client is, for throttling and the audit log: the direct peer, or, when the peer is a configured
 * trusted proxy, the right-most address in {@code X-Forwarded-For} that is not itself a trusted proxy.
 */
public final class ClientAddresses {
    private ClientAddresses() {}

    public static String resolve(String peer, String forwardedFor, String trustedProxies) {
        List<String> trusted = trusted(trustedProxies);
        if (forwardedFor == null || !trusted.contains(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !trusted.contains(hop)) {
                return hop.length() > 64 ? hop.substring(0, 64) : hop;
            }
        }
        return peer;
    }

    /** Whether the direct peer is one of the configured trusted proxies (comma-separated addresses). */
    public static boolean isTrusted(String peer, String trustedProxies) {
        return trusted(trustedProxies).contains(peer);
    }

    private static List<String> trusted(String trustedProxies) {
        return Arrays.stream(trustedProxies.split(","))
                .map(String::trim)
                .filter(entry -> !entry.isEmpty())
                .toList();
    }
}
