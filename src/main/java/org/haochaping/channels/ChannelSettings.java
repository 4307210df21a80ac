package org.haochaping.channels;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Invitation tokens: the HMAC-SM3 key that signs them (32 hex digits), how long they live (default 7 days), and
 * the public base URL printed in links and QR codes (empty: taken from the request).
 */
@ConfigurationProperties("hcp.channels")
record ChannelSettings(String tokenKey, Duration tokenValidity, String publicBaseUrl) {
}
