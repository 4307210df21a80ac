package org.haochaping.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.haochaping.support.Cases;
import org.haochaping.support.Instances;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.Test;

/**
 * A rating answered 201 survives {@code kill -9} of the process and a restart: the real application runs in a
 * child JVM on the same database as the suite (an H2 file, or the suite's PostgreSQL).
 */
class CrashRecoveryTest {

    @Test
    void ratingAnswered201SurvivesKillDashNineAndRestart() throws Exception {
        Path dir = Files.createTempDirectory("hcp-crash");
        int port = Instances.freePort();
        List<String> args = arguments(dir, port);
        TestApi api = new TestApi("http://localhost:" + port, Clock.systemUTC());

        Process first = Instances.startJvm(args, dir.resolve("first.log"));
        String caseNo = Cases.newCaseNo();
        String id;
        try {
            Instances.awaitHealthy(api, first, dir.resolve("first.log"));
            String url = api.putCase(caseNo, Cases.completedAtCityHall()).json().path("invitation").path("url").asString();
            TestApi.Answer rated = api.post("/api/v1/evaluations", TestApi.json(Map.of("token",
                    url.substring(url.lastIndexOf('/') + 1), "level", "VERY_SATISFIED", "comment", "断电前的评价")));
            assertThat(rated.status()).isEqualTo(201);
            id = rated.text("id");
        } finally {
            first.destroyForcibly().waitFor();
        }

        Process second = Instances.startJvm(args, dir.resolve("second.log"));
        try {
            Instances.awaitHealthy(api, second, dir.resolve("second.log"));
            TestApi.Answer found = api.bearer(api.login("supervisor"), "GET", "/api/v1/evaluations/" + id, null);
            assertThat(found.status()).isEqualTo(200);
            assertThat(found.text("comment")).isEqualTo("断电前的评价");
            assertThat(found.text("caseNo")).isEqualTo(caseNo);
        } finally {
            second.destroyForcibly().waitFor();
        }
    }

    private static List<String> arguments(Path dir, int port) {
        List<String> args = new ArrayList<>();
        args.add("--server.port=" + port);
        String url = System.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:postgresql")) {
            args.add("--spring.datasource.url=" + url);
            args.add("--spring.datasource.username=" + System.getProperty("spring.datasource.username", "postgres"));
        } else {
            args.add("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db").toAbsolutePath()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
        }
        args.add("--hcp.demo.history-cases=0");
        args.add("--hcp.system.scheduler-enabled=false");
        args.add("--spring.main.banner-mode=off");
        return args;
    }
}
