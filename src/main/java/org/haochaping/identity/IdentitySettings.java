package org.haochaping.identity;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys and limits of the identity module. Data keys are SM4 keys (32 hex digits) by version, so keys can rotate:
 * new values are sealed with {@code currentKeyVersion}, old ones stay readable.
 */
@ConfigurationProperties("hcp.identity")
public record IdentitySettings(Map<Integer, String> dataKeys, int currentKeyVersion, String indexKey,
        Duration apiTokenValidity, Duration signatureWindow) {
}
