package org.haochaping.integrity;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.haochaping.support.Await;
import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.haochaping.system.Zones;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole system with integrity holding risky ratings (the shared test profile only observes). Each test moves
 * the clock to a period of its own, far ahead, so that bursts and patterns it creates meet no other test's ratings.
 */
@TestPropertySource(properties = "hcp.integrity.quarantine=true")
abstract class IntegrityTest extends IntegrationTest {

    private static final AtomicInteger PERIOD = new AtomicInteger();

    @BeforeEach
    void ownPeriod() {
        clock.advance(Duration.ofDays(4000L + 3L * PERIOD.incrementAndGet()
                + ThreadLocalRandom.current().nextInt(0, 3) * 1000L));
    }

    OffsetDateTime now() {
        return Zones.now(clock);
    }

    /** A random applicant (a new person each time) with the given mobile, or a random one. */
    static Map<String, Object> person(String mobile) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return Map.of("type", "PERSON", "name", "测试" + r.nextInt(1000), "idType", "ID_CARD",
                "idNumber", "41100219" + (60 + r.nextInt(40)) + "0101" + String.format("%04d", r.nextInt(10000)),
                "mobile", mobile != null ? mobile : randomMobile());
    }

    static String randomMobile() {
        return "15" + String.format("%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
    }

    static String uniquePrefix() {
        return "IT" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    /** A case completed {@code minutesAgo} minutes ago (on the moved clock) at the city hall, window 1. */
    Map<String, Object> caseAt(Map<String, Object> template, Map<String, Object> applicant, long minutesAgo) {
        Map<String, Object> body = new HashMap<>(template);
        OffsetDateTime completed = now().minusMinutes(minutesAgo).truncatedTo(ChronoUnit.SECONDS);
        body.put("acceptedAt", completed.minusMinutes(20).toString());
        body.put("completedAt", completed.toString());
        body.remove("generatedAt");
        body.put("applicant", applicant);
        return body;
    }

    Map<String, Object> cityHall(Map<String, Object> applicant, long minutesAgo) {
        return caseAt(Cases.completedAtCityHall(), applicant, minutesAgo);
    }

    Map<String, Object> atWindow(String window, Map<String, Object> applicant, long minutesAgo) {
        Map<String, Object> body = cityHall(applicant, minutesAgo);
        if (window.equals("XC-HALL-W02")) {
            body.put("windowCode", "XC-HALL-W02");
            body.put("staffNo", "S1002");
            body.put("staffName", "李娜");
        }
        return body;
    }

    Map<String, Object> atWeidu(Map<String, Object> applicant, long minutesAgo) {
        Map<String, Object> body = cityHall(applicant, minutesAgo);
        body.put("itemCode", "ITEM-MZJ-001");
        body.put("itemName", "结婚登记");
        body.put("departmentCode", "WD-MZJ");
        body.put("serviceBodyCode", "WD-HALL");
        body.put("windowCode", "WD-HALL-W01");
        body.put("staffNo", "S2001");
        body.put("staffName", "王芳");
        body.put("regionCode", "411002");
        return body;
    }

    Map<String, Object> atYuzhou(Map<String, Object> applicant, long minutesAgo) {
        return caseAt(Cases.completedAtYuzhou(), applicant, minutesAgo);
    }

    /** Reports the case and rates it with the token of its invitation (channel QR); answers the rating's id. */
    String rateWithToken(String caseNo, Map<String, Object> caseBody, Map<String, Object> rating) {
        return rateFrom(null, caseNo, caseBody, rating);
    }

    /**
     * Reports the case and rates it with its token, as a client at {@code address} behind the local proxy (sent as
     * {@code X-Forwarded-For}; null: a request from this machine, attributed to no client); answers the rating's id.
     */
    String rateFrom(String address, String caseNo, Map<String, Object> caseBody, Map<String, Object> rating) {
        TestApi.Answer reported = api.putCase(caseNo, caseBody);
        if (reported.status() != 201 && reported.status() != 200) {
            throw new AssertionError("case not stored: " + reported);
        }
        String url = reported.json().path("invitation").path("url").asString();
        return rateToken(address, url.substring(url.lastIndexOf('/') + 1), rating);
    }

    /** Rates with a token, from {@code address} (see {@link #rateFrom}); answers the rating's id. */
    String rateToken(String address, String token, Map<String, Object> rating) {
        Map<String, Object> body = new HashMap<>(rating);
        body.put("token", token);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/evaluations"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(TestApi.json(body)));
        if (address != null) {
            request.header("X-Forwarded-For", address);
        }
        TestApi.Answer rated = api.send(request.build());
        if (rated.status() != 201) {
            throw new AssertionError("rating refused: " + rated);
        }
        return rated.text("id");
    }

    /** An address of the documentation ranges, different for each call (for one test's own client). */
    static String randomAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "198.51." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    /** Reports the case and rates it as the trusted platform on the given channel; answers the rating's id. */
    String rateOnChannel(String caseNo, Map<String, Object> caseBody, String channel, Map<String, Object> rating) {
        TestApi.Answer reported = api.putCase(caseNo, caseBody);
        if (reported.status() != 201 && reported.status() != 200) {
            throw new AssertionError("case not stored: " + reported);
        }
        Map<String, Object> body = new HashMap<>(rating);
        body.put("caseNo", caseNo);
        body.put("channel", channel);
        TestApi.Answer rated = api.signed("POST", "/api/v1/evaluations", TestApi.json(body), TestApi.PLATFORM,
                TestApi.PLATFORM_SECRET);
        if (rated.status() != 201) {
            throw new AssertionError("rating refused: " + rated);
        }
        return rated.text("id");
    }

    void awaitScored(List<String> ids) {
        Await.until("ratings scored", () -> jdbc.sql("select count(*) from integrity_rating where evaluation_id in (:ids)")
                .param("ids", ids).query(Long.class).single() == ids.size());
    }

    void awaitScored(String id) {
        awaitScored(List.of(id));
    }

    List<String> signals(String evaluationId) {
        return jdbc.sql("select distinct signal from integrity_signal where evaluation_id = :id order by signal")
                .param("id", evaluationId).query(String.class).list();
    }

    String status(String evaluationId) {
        return jdbc.sql("select status from integrity_rating where evaluation_id = :id").param("id", evaluationId)
                .query(String.class).optional().orElse(null);
    }

    int score(String evaluationId) {
        return jdbc.sql("select score from integrity_rating where evaluation_id = :id").param("id", evaluationId)
                .query(Integer.class).optional().orElse(-1);
    }

    boolean quarantined(String evaluationId) {
        return jdbc.sql("select quarantined from evaluation_evaluation where id = :id").param("id", evaluationId)
                .query(Boolean.class).single();
    }

    void awaitHeld(String evaluationId) {
        Await.until("rating " + evaluationId + " held", () -> "HELD".equals(status(evaluationId)) && quarantined(evaluationId));
    }
}
