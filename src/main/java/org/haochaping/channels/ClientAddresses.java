package org.haochaping.channels;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The network address of the client behind the current request. {@code X-Forwarded-For} is believed only as far as
 * it was written by a configured trusted proxy ({@code hcp.channels.trusted-proxies}, addresses or CIDR ranges;
 * default: this machine only): walking from the connection's peer leftwards through the header, the first address
 * that is not a trusted proxy is the client. When every hop is a trusted proxy (a proxy that did not say whom it
 * forwarded, or a call from this machine) the request is not attributed to a client.
 */
@Component
class ClientAddresses {

    /** The address to count a request against, and whether it is a client's (not one of our proxies). */
    record Client(String address, boolean attributed) {
    }

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<IpAddressMatcher> trusted;

    ClientAddresses(ChannelSettings settings) {
        this.trusted = settings.trustedProxies().stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(IpAddressMatcher::new).toList();
    }

    /** The client of the current request, or null outside a request. */
    Client current() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? of(attributes.getRequest()) : null;
    }

    Client of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!isTrusted(peer)) {
            return new Client(peer, true);
        }
        List<String> hops = new ArrayList<>();
        var headers = request.getHeaders("X-Forwarded-For");
        while (headers.hasMoreElements()) {
            for (String hop : headers.nextElement().split(",")) {
                hops.add(hop.trim());
            }
        }
        String current = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!LITERAL.matcher(hop).matches()) {
                break;
            }
            current = hop;
            if (!isTrusted(hop)) {
                return new Client(hop, true);
            }
        }
        return new Client(current, false);
    }

    private boolean isTrusted(String address) {
        if (address == null || !LITERAL.matcher(address).matches()) {
            return false;
        }
        try {
            return trusted.stream().anyMatch(m -> m.matches(address));
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }
}
