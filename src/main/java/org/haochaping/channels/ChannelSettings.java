package org.haochaping.channels;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The channels' settings. Invitation tokens: the HMAC-SM3 key that signs them (32 hex digits), how long they live
 * (default 7 days), and the public base URL printed in links, QR codes and SMS (empty: taken from the request).
 * Window tablets: how long a device cookie lasts and how long a presented case waits for its rating. Terminals: how
 * long the link a terminal opens stays valid. SMS: how long after completion the invitation goes out. Static window
 * QR: how long a code lives, how many tries it allows, how often a mobile may ask for one, how far back a person's
 * unrated cases are offered and how long a verification lasts. Client addresses: the reverse proxies whose
 * {@code X-Forwarded-For} is believed (addresses or CIDR ranges; default this machine only).
 */
@ConfigurationProperties("hcp.channels")
record ChannelSettings(String tokenKey, Duration tokenValidity, Duration deviceSessionValidity,
        Duration presentationValidity, Duration terminalTokenValidity, Duration smsInvitationDelay,
        Duration codeValidity, Integer codeAttempts, Duration codeResendInterval, Integer codesPerHour,
        Duration windowLookback, Duration verifiedFor, List<String> trustedProxies) {

    ChannelSettings {
        tokenValidity = or(tokenValidity, Duration.ofDays(7));
        deviceSessionValidity = or(deviceSessionValidity, Duration.ofDays(365));
        presentationValidity = or(presentationValidity, Duration.ofMinutes(10));
        terminalTokenValidity = or(terminalTokenValidity, Duration.ofMinutes(30));
        smsInvitationDelay = or(smsInvitationDelay, Duration.ofMinutes(10));
        codeValidity = or(codeValidity, Duration.ofMinutes(5));
        codeAttempts = or(codeAttempts, 5);
        codeResendInterval = or(codeResendInterval, Duration.ofSeconds(60));
        codesPerHour = or(codesPerHour, 5);
        windowLookback = or(windowLookback, Duration.ofDays(7));
        verifiedFor = or(verifiedFor, Duration.ofMinutes(30));
        trustedProxies = trustedProxies == null ? List.of("127.0.0.1", "::1") : List.copyOf(trustedProxies);
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
