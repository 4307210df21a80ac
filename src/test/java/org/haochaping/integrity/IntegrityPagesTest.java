package org.haochaping.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.haochaping.support.Cases;
import org.junit.jupiter.api.Test;

/**
 * The console pages over real HTTP with a logged-in session and CSRF tokens: the review queue and its decide
 * buttons, the signal dashboard and the ledger check. (Browser tests for them wait for the browser test helper.)
 */
class IntegrityPagesTest extends IntegrityTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** A console session: a cookie jar that logs in through the form like a person does. */
    private final class Console {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();

        Console(String username) {
            String csrf = csrf(get("/login").body());
            HttpResponse<String> in = post("/login", Map.of("username", username, "password", "Demo@2026hcp", "_csrf", csrf));
            assertThat(in.uri().getPath()).doesNotEndWith("/login");
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build());
        }

        HttpResponse<String> post(String path, Map<String, String> form) {
            String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                    StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("page has a CSRF token").isTrue();
        return m.group(1);
    }

    @Test
    void supervisorReleasesAndInvalidatesFromTheReviewQueuePage() {
        String kept = rateWithToken(Cases.newCaseNo(), cityHall(person(null), 30),
                Map.of("level", "VERY_DISSATISFIED", "comment", "窗口的人都是混蛋，等了两个小时"));
        String fake = rateWithToken(Cases.newCaseNo(), cityHall(person(null), 30),
                Map.of("level", "DISSATISFIED", "comment", "一群白痴"));
        awaitHeld(kept);
        awaitHeld(fake);
        Console console = new Console("supervisor");
        HttpResponse<String> page = console.get("/console/integrity/quarantine");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("隔离审查").contains("held-" + kept).contains("评价内容含辱骂性言语")
                .contains("窗口的人都是混蛋").contains("核实无误，放行").contains("认定虚假评价，作无效处理");
        String csrf = csrf(page.body());

        HttpResponse<String> empty = console.post("/console/integrity/quarantine/" + kept + "/decision",
                Map.of("decision", "release", "note", " ", "_csrf", csrf));
        assertThat(empty.body()).contains("请填写复核意见");
        assertThat(quarantined(kept)).isTrue();

        HttpResponse<String> released = console.post("/console/integrity/quarantine/" + kept + "/decision",
                Map.of("decision", "release", "note", "已回访，确系本人评价，问题属实", "_csrf", csrf));
        assertThat(released.statusCode()).isEqualTo(200);
        assertThat(released.body()).contains("已放行该评价").doesNotContain("held-" + kept);
        assertThat(quarantined(kept)).isFalse();

        HttpResponse<String> invalidated = console.post("/console/integrity/quarantine/" + fake + "/decision",
                Map.of("decision", "invalidate", "note", "评价人当日未到窗口办理", "_csrf", csrf(released.body())));
        assertThat(invalidated.body()).contains("已认定为虚假评价").doesNotContain("held-" + fake);
        assertThat(jdbc.sql("select valid from evaluation_evaluation where id = :id").param("id", fake)
                .query(Boolean.class).single()).isFalse();

        HttpResponse<String> forged = console.post("/console/integrity/quarantine/" + fake + "/decision",
                Map.of("decision", "release", "note", "没有令牌"));
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void dashboardShowsSignalsPerHallDepartmentAndDay() {
        String id = rateWithToken(Cases.newCaseNo(), atYuzhou(person(null), 30),
                Map.of("level", "VERY_DISSATISFIED", "comment", "简直是一群废物"));
        awaitHeld(id);
        String day = now().toLocalDate().toString();
        HttpResponse<String> page = new Console("supervisor").get("/console/integrity/dashboard?from=" + day + "&to=" + day);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("诚信监测").contains("禹州市政务服务中心").contains("禹州市人力资源和社会保障局")
                .contains("评价内容含辱骂性言语").contains(day);
        assertThat(new Console("xc.hall").get("/console/integrity/dashboard").statusCode()).isEqualTo(200);
        assertThat(new Console("s1001").get("/console/integrity/dashboard").statusCode()).isEqualTo(403);
    }

    @Test
    void ledgerPageRunsTheCheckAndShowsTheChains() {
        rateWithToken(Cases.newCaseNo(), atWeidu(person(null), 30), Map.of("level", "SATISFIED"));
        Console console = new Console("wd.supervisor");
        HttpResponse<String> page = console.get("/console/integrity/ledger");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("评价存证校验").contains("魏都区（411002）").doesNotContain("禹州市（411081）");
        HttpResponse<String> checked = console.post("/console/integrity/ledger/verification", Map.of("_csrf", csrf(page.body())));
        assertThat(checked.statusCode()).isEqualTo(200);
        assertThat(checked.body()).contains("id=\"result\"").contains("条区划链").contains("wd.supervisor");
        assertThat(new Console("xc.handler").get("/console/integrity/ledger").statusCode()).isEqualTo(403);
        assertThat(new Console("xc.handler").get("/console/integrity/quarantine").statusCode()).isEqualTo(403);
    }
}
