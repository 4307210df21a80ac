package org.haochaping.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.Test;

/** Signed requests are verified exactly as api.md says; any failure answers 401 and stores nothing. */
class SignedRequestTest extends IntegrationTest {

    private String body(String caseNo) {
        return TestApi.json(Cases.completedAtCityHall());
    }

    private long stored(String caseNo) {
        return jdbc.sql("select count(*) from casework_case where case_no = :c").param("c", caseNo).query(Long.class).single();
    }

    @Test
    void correctlySignedRequestIsAccepted() {
        String caseNo = Cases.newCaseNo();
        assertThat(api.signed("PUT", "/api/v1/cases/" + caseNo, body(caseNo), TestApi.BUSINESS, TestApi.BUSINESS_SECRET)
                .status()).isEqualTo(201);
    }

    @Test
    void hmacSm3IsAcceptedOnRequest() {
        String caseNo = Cases.newCaseNo();
        TestApi.Answer answer = api.signed("PUT", "/api/v1/cases/" + caseNo, body(caseNo), TestApi.BUSINESS,
                TestApi.BUSINESS_SECRET, RequestSignature.Method.HMAC_SM3, String.valueOf(clock.millis()),
                UUID.randomUUID().toString(), "application/json");
        assertThat(answer.status()).isEqualTo(201);
    }

    @Test
    void wrongSecretIsRefused() {
        String caseNo = Cases.newCaseNo();
        TestApi.Answer answer = api.signed("PUT", "/api/v1/cases/" + caseNo, body(caseNo), TestApi.BUSINESS, "wrong");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.text("detail")).contains("签名不正确");
        assertThat(stored(caseNo)).isZero();
    }

    @Test
    void unknownClientIsRefused() {
        String caseNo = Cases.newCaseNo();
        assertThat(api.signed("PUT", "/api/v1/cases/" + caseNo, body(caseNo), "nobody", "x").status()).isEqualTo(401);
        assertThat(stored(caseNo)).isZero();
    }

    @Test
    void replayedNonceIsRefused() {
        String caseNo = Cases.newCaseNo();
        String nonce = UUID.randomUUID().toString();
        String ts = String.valueOf(clock.millis());
        assertThat(api.signed("PUT", "/api/v1/cases/" + caseNo, body(caseNo), TestApi.BUSINESS, TestApi.BUSINESS_SECRET,
                RequestSignature.Method.HMAC_SHA256, ts, nonce, "application/json").status()).isEqualTo(201);
        TestApi.Answer replay = api.signed("PUT", "/api/v1/cases/" + caseNo, body(caseNo), TestApi.BUSINESS,
                TestApi.BUSINESS_SECRET, RequestSignature.Method.HMAC_SHA256, ts, nonce, "application/json");
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.text("detail")).contains("重放");
    }

    @Test
    void timestampMoreThanFiveMinutesOffIsRefused() {
        String caseNo = Cases.newCaseNo();
        TestApi.Answer answer = api.signed("PUT", "/api/v1/cases/" + caseNo, body(caseNo), TestApi.BUSINESS,
                TestApi.BUSINESS_SECRET, RequestSignature.Method.HMAC_SHA256, String.valueOf(clock.millis() - 6 * 60_000),
                UUID.randomUUID().toString(), "application/json");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(stored(caseNo)).isZero();
    }

    @Test
    void bodyChangedAfterSigningIsRefused() {
        String caseNo = Cases.newCaseNo();
        String ts = String.valueOf(clock.millis());
        String nonce = UUID.randomUUID().toString();
        String signature = RequestSignature.sign(RequestSignature.Method.HMAC_SHA256, TestApi.BUSINESS_SECRET, "PUT",
                "/api/v1/cases/" + caseNo, ts, nonce, "{}".getBytes());
        TestApi.Answer answer = api.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(api.base() + "/api/v1/cases/" + caseNo))
                .header("X-Client-Id", TestApi.BUSINESS).header("X-Timestamp", ts).header("X-Nonce", nonce)
                .header("X-Signature", signature).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body(caseNo))).build());
        assertThat(answer.status()).isEqualTo(401);
        assertThat(stored(caseNo)).isZero();
    }

    @Test
    void unsignedCallToAnIntegrationEndpointIsUnauthenticated() {
        TestApi.Answer answer = api.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(api.base() + "/api/v1/cases/" + Cases.newCaseNo()))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(answer.status()).isEqualTo(401);
    }
}
