package org.haochaping.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.haochaping.support.Await;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.haochaping.system.Zones;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * 第十三条: the city government office publishes an ended period; the public then sees its rates, rankings and
 * stories without login, with small groups suppressed and no personal data; unpublished periods do not exist.
 */
class PublicDisclosureTest extends IntegrationTest {

    @Autowired
    Publications publications;

    @Test
    void aPublishedPeriodIsOpenDataWithoutPersonalDataAndSmallGroupsSuppressed() {
        Place p = Place.create(jdbc);
        List<String> caseNos = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String caseNo = p.completedCase(api, p.staff1(), p.item1());
            caseNos.add(caseNo);
            Place.rate(api, caseNo, i < 10 ? "VERY_SATISFIED" : "DISSATISFIED", i < 10 ? null : "王科长态度生硬，我电话13812345678");
        }
        for (int i = 0; i < 3; i++) {
            p.rated(api, p.staff2(), p.item2(), "SATISFIED", null);
        }
        Await.until("15 ratings counted", () -> jdbc.sql("select count(*) from analytics_rating where department_code = :d")
                .param("d", p.department()).query(Long.class).single() == 15);
        LocalDate today = LocalDate.now(Zones.SHANGHAI);
        String month = today.toString().substring(0, 7);
        String office = api.login("city.office");
        // other tests (the browser test of publishing) may have published this month in the shared database
        api.bearer(office, "DELETE", "/api/v1/publications/" + month, null);

        assertThat(api.get("/api/v1/public/summary?period=" + month).status()).isEqualTo(404);
        assertThat(api.get("/public/" + month).status()).isEqualTo(404);
        TestApi.Answer early = api.bearer(office, "POST", "/api/v1/publications/" + month, null);
        assertThat(early.status()).as("the month has not ended").isEqualTo(409);

        clock.advance(Duration.ofDays(today.lengthOfMonth() - today.getDayOfMonth() + 2));
        office = api.login("city.office");
        assertThat(api.bearer(api.login("supervisor"), "POST", "/api/v1/publications/" + month, null).status())
                .as("only the city government office publishes").isEqualTo(403);
        TestApi.Answer published = api.bearer(office, "POST", "/api/v1/publications/" + month, null);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.text("publishedBy")).isEqualTo("city.office");
        assertThat(api.bearer(office, "POST", "/api/v1/publications/" + month, null).status())
                .as("publishing again changes nothing").isEqualTo(200);
        publications.addStory(Period.parse(month), "窗口态度改进了", "群众反映王科长态度生硬，联系电话13812345678",
                "已对李主任进行约谈，窗口开展服务礼仪培训", "city.office");

        TestApi.Answer answer = api.get("/api/v1/public/summary?period=" + month);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode s = answer.json();
        assertThat(s.path("periodLabel").asString()).contains("月");
        assertThat(s.path("minRatings").asInt()).isEqualTo(10);
        assertThat(s.path("rankings").has("STAFF")).as("staff are not ranked in public").isFalse();
        JsonNode department = row(s.path("rankings").path("DEPARTMENT").path("rows"), p.department());
        assertThat(department.path("count").asLong()).isEqualTo(15);
        assertThat(department.path("suppressed").asBoolean()).isFalse();
        // (10 × 100 + 2 × 20 + 3 × 80) / 15
        assertThat(department.path("score").asDouble()).isEqualTo(85.33);
        JsonNode small = row(s.path("rankings").path("ITEM").path("rows"), p.item2());
        assertThat(small.path("suppressed").asBoolean()).isTrue();
        assertThat(small.path("note").asString()).isEqualTo("样本不足");
        assertThat(small.path("score").isNull()).isTrue();
        assertThat(small.path("count").isNull()).isTrue();
        assertThat(small.path("rank").isNull()).isTrue();
        assertThat(s.path("stories").valueStream().map(story -> story.path("title").asString()))
                .as("other tests may have added stories to this month").contains("窗口态度改进了");
        assertThat(s.path("publishedPeriods").toString()).contains(month);
        assertNoPersonalData(answer.body(), caseNos);

        TestApi.Answer page = api.get("/public/" + month);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(p.departmentName(), "样本不足", "您说我改", "窗口态度改进了", "满意率");
        assertNoPersonalData(page.body(), caseNos);
        TestApi.Answer index = api.get("/public");
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.body()).contains("评价结果公示", Period.parse(month).label());

        assertThat(api.bearer(office, "DELETE", "/api/v1/publications/" + month, null).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/public/summary?period=" + month).status()).isEqualTo(404);
        assertThat(api.get("/public/" + month).status()).isEqualTo(404);
    }

    @Test
    void unknownPeriodsAreRefused() {
        assertThat(api.get("/api/v1/public/summary?period=2026-13").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/public/summary?period=2019-01").status()).isEqualTo(404);
        assertThat(api.get("/public/nonsense").status()).isEqualTo(400);
    }

    private static JsonNode row(JsonNode rows, String code) {
        for (JsonNode r : rows) {
            if (r.path("subjectCode").asString().equals(code)) {
                return r;
            }
        }
        throw new AssertionError("no row " + code + " in " + rows);
    }

    private static void assertNoPersonalData(String body, List<String> caseNos) {
        assertThat(body).doesNotContain("张三", "张*", "13812345678", "138****5678", "411002199001011234",
                "王科长", "李主任", "张伟", "S1001");
        for (String caseNo : caseNos) {
            assertThat(body).doesNotContain(caseNo);
        }
    }
}
