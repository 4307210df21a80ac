package org.haochaping.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.haochaping.HaochapingApplication;
import org.haochaping.support.Cases;
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
        int port = freePort();
        List<String> args = arguments(dir, port);
        TestApi api = new TestApi("http://localhost:" + port, Clock.systemUTC());

        Process first = start(args, dir.resolve("first.log"));
        String caseNo = Cases.newCaseNo();
        String id;
        try {
            awaitHealthy(api, first, dir.resolve("first.log"));
            String url = api.putCase(caseNo, Cases.completedAtCityHall()).json().path("invitation").path("url").asString();
            TestApi.Answer rated = api.post("/api/v1/evaluations", TestApi.json(Map.of("token",
                    url.substring(url.lastIndexOf('/') + 1), "level", "VERY_SATISFIED", "comment", "断电前的评价")));
            assertThat(rated.status()).isEqualTo(201);
            id = rated.text("id");
        } finally {
            first.destroyForcibly().waitFor();
        }

        Process second = start(args, dir.resolve("second.log"));
        try {
            awaitHealthy(api, second, dir.resolve("second.log"));
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

    private static Process start(List<String> appArgs, Path log) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp", classpath,
                HaochapingApplication.class.getName()));
        command.addAll(appArgs);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitHealthy(TestApi api, Process process, Path log) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("application exited: " + Files.readString(log));
            }
            try {
                if (api.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            process.waitFor(java.time.Duration.ofMillis(250).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("application did not start in time: " + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
