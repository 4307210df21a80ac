package org.haochaping.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.haochaping.identity.ApiClientPrincipal;
import org.haochaping.identity.IdentityManagement;
import org.haochaping.support.Await;
import org.haochaping.support.Cases;
import org.haochaping.support.Instances;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The city is killed ({@code kill -9}) in the middle of a push and restarted: every rating still reaches the
 * province exactly once. The city runs in a child JVM with its own database; the test's instance is the province.
 */
class CityCrashTest extends IntegrationTest {

    private static final int RATINGS = 100;

    @Autowired
    private IdentityManagement identity;

    @Test
    void aCityKilledMidPushDeliversEveryRatingExactlyOnceAfterItsRestart() throws Exception {
        String clientId = "crash-city-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = UUID.randomUUID().toString();
        identity.createClient(clientId, "被中断的市级平台", secret, ApiClientPrincipal.Kind.LOWER_PLATFORM, "411000", null);
        Path dir = Files.createTempDirectory("hcp-city");
        int cityPort = Instances.freePort();
        List<String> args = List.of("--server.port=" + cityPort,
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("city").toAbsolutePath()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0",
                "--spring.datasource.username=sa", "--spring.datasource.password=",
                "--hcp.demo.history-cases=0", "--hcp.system.scheduler-enabled=false",
                "--spring.main.banner-mode=off",
                "--hcp.exchange.upstream.url=" + baseUrl(), "--hcp.exchange.upstream.client-id=" + clientId,
                "--hcp.exchange.upstream.client-secret=" + secret, "--hcp.exchange.retry.lease=2s");
        TestApi city = new TestApi("http://localhost:" + cityPort, Clock.systemUTC());

        Process first = Instances.startJvm(args, dir.resolve("first.log"));
        List<String> caseNos = new ArrayList<>();
        int receivedAtTheKill;
        try {
            Instances.awaitHealthy(city, first, dir.resolve("first.log"));
            for (int i = 0; i < RATINGS; i++) {
                String caseNo = Cases.newCaseNo();
                String url = city.putCase(caseNo, Cases.completedAtCityHall()).json().path("invitation").path("url")
                        .asString();
                assertThat(city.post("/api/v1/evaluations", TestApi.json(Map.of("token",
                        url.substring(url.lastIndexOf('/') + 1), "level", "SATISFIED"))).status()).isEqualTo(201);
                caseNos.add(caseNo);
            }
            String admin = city.login("admin");
            String supervisor = city.login("supervisor");
            Await.until("every rating queued in the city", java.time.Duration.ofSeconds(180), () -> pending(city, supervisor) == 2L * RATINGS);

            CompletableFuture.runAsync(() -> city.bearer(admin, "POST", "/api/v1/admin/jobs/upstream-push/run", null))
                    .exceptionally(killed -> null);
            Instant deadline = Instant.now().plusSeconds(60);
            while (received(clientId) < 10 && Instant.now().isBefore(deadline)) {
                Thread.sleep(5);
            }
            first.destroyForcibly().waitFor();
            receivedAtTheKill = (int) received(clientId);
        } finally {
            first.destroyForcibly().waitFor();
        }
        assertThat(receivedAtTheKill).as("killed in the middle of the push").isBetween(10, 2 * RATINGS - 1);

        Process second = Instances.startJvm(args, dir.resolve("second.log"));
        try {
            Instances.awaitHealthy(city, second, dir.resolve("second.log"));
            String admin = city.login("admin");
            String supervisor = city.login("supervisor");
            Await.until("every record pushed after the restart", java.time.Duration.ofSeconds(180), () -> {
                city.bearer(admin, "POST", "/api/v1/admin/jobs/upstream-push/run", null);
                return pending(city, supervisor) == 0;
            });
            assertThat(city.bearer(supervisor, "GET", "/api/v1/exchange/reconciliation", null).json().path("dead")
                    .asLong()).isZero();
        } finally {
            second.destroyForcibly().waitFor();
        }

        assertThat(received(clientId)).isEqualTo(2L * RATINGS);
        for (String caseNo : caseNos) {
            assertThat(jdbc.sql("select count(*) from evaluation_evaluation where case_no = :c").param("c", caseNo)
                    .query(Long.class).single()).as(caseNo).isEqualTo(1);
        }
    }

    private long received(String clientId) {
        return jdbc.sql("select count(*) from exchange_inbound where client_id = :c").param("c", clientId)
                .query(Long.class).single();
    }

    private static long pending(TestApi city, String supervisorToken) {
        return city.bearer(supervisorToken, "GET", "/api/v1/exchange/reconciliation", null).json().path("pending")
                .asLong();
    }
}
