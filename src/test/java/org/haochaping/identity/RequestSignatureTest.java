package org.haochaping.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class RequestSignatureTest {

    /** Computed independently (Python hmac/hashlib) for the demo business system's secret. */
    @Test
    void hmacSha256SignatureMatchesTheContractExample() {
        String signature = RequestSignature.sign(RequestSignature.Method.HMAC_SHA256, "demo-secret-2026", "PUT",
                "/api/v1/cases/XC2026001?x=1", "1764200000000", "nonce-1", "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(signature).isEqualTo(EXPECTED_SHA256);
    }

    @Test
    void emptyBodyHashesTheEmptyString() {
        assertThat(RequestSignature.sha256Hex(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void sm3SignatureDiffersFromSha256AndIsStable() {
        String sm3 = RequestSignature.sign(RequestSignature.Method.HMAC_SM3, "demo-secret-2026", "GET", "/a", "1", "n",
                new byte[0]);
        assertThat(sm3).hasSize(64).isEqualTo(RequestSignature.sign(RequestSignature.Method.HMAC_SM3,
                "demo-secret-2026", "GET", "/a", "1", "n", new byte[0]));
        assertThat(sm3).isNotEqualTo(RequestSignature.sign(RequestSignature.Method.HMAC_SHA256, "demo-secret-2026",
                "GET", "/a", "1", "n", new byte[0]));
    }

    static final String EXPECTED_SHA256 = "b529d8fa9f195919f026822079b7ed3a8ce2339b13f094d999121d905239df0a";
}
