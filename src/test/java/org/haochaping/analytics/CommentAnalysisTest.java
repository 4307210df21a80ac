package org.haochaping.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.haochaping.support.Await;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.haochaping.system.Zones;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** 群众声音 (plan 二(四)3): terms, trends, reason frequencies and scrubbed examples of a department's comments. */
class CommentAnalysisTest extends IntegrationTest {

    @Test
    void theTermsAndReasonsOfADepartmentsCommentsAreCountedAndExamplesCarryNoPersonalData() {
        Place p = Place.create(jdbc);
        for (int i = 0; i < 3; i++) {
            Place.rate(api, p.completedCase(api, p.staff1(), p.item1()), "DISSATISFIED",
                    "排队时间太长，窗口人员态度生硬，王科长让我打13912345678", List.of("ATTITUDE_POOR"));
        }
        for (int i = 0; i < 2; i++) {
            Place.rate(api, p.completedCase(api, p.staff2(), p.item1()), "VERY_SATISFIED", "办理很快，服务热情",
                    List.of("EFFICIENT"));
        }
        Await.until("5 ratings counted", () -> jdbc.sql("select count(*) from analytics_rating where department_code = :d")
                .param("d", p.department()).query(Long.class).single() == 5);

        String period = LocalDate.now(Zones.SHANGHAI).toString().substring(0, 7);
        TestApi.Answer answer = api.bearer(api.login("supervisor"), "GET",
                "/api/v1/stats/comments?period=" + period + "&departmentCode=" + p.department(), null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode insights = answer.json();
        assertThat(insights.path("commented").asLong()).isEqualTo(5);
        JsonNode first = insights.path("terms").get(0);
        assertThat(first.path("ratings").asLong()).isEqualTo(3);
        assertThat(insights.path("terms").findValuesAsString("term")).contains("态度", "生硬", "热情");
        assertThat(insights.path("badTerms").findValuesAsString("term")).contains("态度", "生硬")
                .doesNotContain("热情");
        assertThat(insights.path("trending").get(0).path("fresh").asBoolean()).isTrue();
        assertThat(insights.path("keywords").size()).isPositive();

        JsonNode reasons = insights.path("reasons");
        JsonNode attitude = null;
        for (JsonNode r : reasons) {
            if (r.path("code").asString().equals("ATTITUDE_POOR")) {
                attitude = r;
            }
        }
        assertThat(attitude).isNotNull();
        assertThat(attitude.path("label").asString()).isEqualTo("态度生硬");
        assertThat(attitude.path("count").asLong()).isEqualTo(3);
        assertThat(attitude.path("share").asDouble()).isEqualTo(1.0);

        String examples = insights.path("examples").toString();
        assertThat(insights.path("examples").size()).isPositive();
        assertThat(examples).contains("态度生硬").doesNotContain("13912345678", "王科长");
    }
}
