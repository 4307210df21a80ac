package org.haochaping.channels.sms;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Alibaba Cloud's RPC request signature, version 1.0 (HMAC-SHA1), as its API reference publishes it: sort every
 * parameter except {@code Signature} by name, percent-encode names and values (RFC 3986: space {@code %20},
 * {@code *} {@code %2A}, {@code ~} kept), join them as the canonicalized query string, sign
 * {@code METHOD&%2F&percentEncode(canonicalized)} with the AccessKey secret followed by {@code &}, Base64.
 */
final class AliyunSignature {

    private AliyunSignature() {
    }

    static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    static String canonicalized(Map<String, String> parameters) {
        return new TreeMap<>(parameters).entrySet().stream()
                .filter(e -> !"Signature".equals(e.getKey()))
                .map(e -> percentEncode(e.getKey()) + "=" + percentEncode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String stringToSign(String method, Map<String, String> parameters) {
        return method + "&" + percentEncode("/") + "&" + percentEncode(canonicalized(parameters));
    }

    static String sign(String method, Map<String, String> parameters, String accessKeySecret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((accessKeySecret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(
                    mac.doFinal(stringToSign(method, parameters).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 unavailable", e);
        }
    }
}
