package org.haochaping.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a signed request ({@code api.md}): lowercase hex HMAC over METHOD, PATH (with query, as
 * sent), X-Timestamp, X-Nonce and the hex SHA-256 of the body, joined by newlines; HMAC-SHA256 by default,
 * HMAC-SM3 on request.
 */
public final class RequestSignature {

    public enum Method {
        HMAC_SHA256, HMAC_SM3;

        public static Method fromHeader(String header) {
            return header != null && header.trim().equalsIgnoreCase("HMAC-SM3") ? HMAC_SM3 : HMAC_SHA256;
        }
    }

    private RequestSignature() {
    }

    public static String sign(Method method, String secret, String httpMethod, String pathAndQuery, String timestamp,
            String nonce, byte[] body) {
        String text = String.join("\n", httpMethod.toUpperCase(), pathAndQuery, timestamp, nonce, sha256Hex(body));
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        if (method == Method.HMAC_SM3) {
            return PersonalDataVault.hmacSm3(key, data);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0] : body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean matches(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.trim().toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }
}
