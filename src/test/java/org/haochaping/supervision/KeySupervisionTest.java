package org.haochaping.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;

import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * 第十五条: departments and staff at the bottom of the rankings for consecutive periods are proposed, confirmed by the
 * office, submit improvement measures with a deadline, escalate when overdue, and close when the office accepts.
 */
class KeySupervisionTest extends IntegrationTest {

    Ratings ratings;

    @BeforeEach
    void setUp() {
        ratings = new Ratings(api, jdbc, clock);
    }

    private JsonNode ranking(String subject, String period) {
        TestApi.Answer answer = ratings.as("supervisor", "GET", "/api/v1/rankings?subject=" + subject + "&period=" + period, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private JsonNode entry(JsonNode list, String kind, String code) {
        for (JsonNode e : list) {
            if (e.path("kind").asString().equals(kind) && e.path("subjectCode").asString().equals(code)) {
                return e;
            }
        }
        throw new AssertionError("no " + kind + " " + code + " in " + list);
    }

    @Test
    void lastOfTheRankingForTwoPeriodsIsProposedConfirmedGivesMeasuresAndIsClosedOnAcceptance() {
        YearMonth month = ratings.twoBadMonthsForYuzhou(14);
        String period = month.toString();

        TestApi.Answer proposed = ratings.as("supervisor", "POST", "/api/v1/supervision/key-entries/proposals",
                Map.of("period", period));
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(200);
        JsonNode department = entry(proposed.json(), "DEPARTMENT", "YZ-RSJ");
        assertThat(department.path("status").asString()).isEqualTo("PROPOSED");
        assertThat(department.path("reason").asString()).contains("连续 2 期");
        assertThat(entry(proposed.json(), "STAFF", "S3001").path("subjectName").asString()).isEqualTo("刘洋");
        assertThat(proposed.json().findValuesAsString("subjectCode")).doesNotContain("XC-SCJG");
        String id = department.path("id").asString();

        TestApi.Answer again = ratings.as("supervisor", "POST", "/api/v1/supervision/key-entries/proposals",
                Map.of("period", period));
        assertThat(again.json().findValuesAsString("id")).as("proposing twice lists each subject once")
                .containsOnlyOnce(id);

        // the department cannot answer before the office confirms; the office cannot accept what was not submitted
        TestApi.Answer early = ratings.as("yz.handler", "POST", "/api/v1/supervision/key-entries/" + id + "/measures",
                Map.of("measures", "培训", "deadline", ratings.today().plusDays(30).toString()));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("detail").asString()).contains("待报整改措施", "待确认");
        assertThat(ratings.as("yz.handler", "POST", "/api/v1/supervision/key-entries/" + id + "/confirmation",
                Map.of()).status()).as("only the office confirms").isEqualTo(403);
        assertThat(ratings.as("xc.handler", "GET", "/api/v1/supervision/key-entries/" + id, null).status())
                .as("another department does not see it").isEqualTo(404);

        TestApi.Answer confirmed = ratings.as("supervisor", "POST", "/api/v1/supervision/key-entries/" + id
                + "/confirmation", Map.of("note", "连续两月排名末位"));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.text("status")).isEqualTo("CONFIRMED");
        assertThat(confirmed.text("measuresDue")).isEqualTo(ratings.today().plusDays(10).toString());
        assertThat(ratings.as("supervisor", "POST", "/api/v1/supervision/key-entries/" + id + "/confirmation",
                Map.of()).status()).as("confirmed once").isEqualTo(409);

        TestApi.Answer invalid = ratings.as("yz.handler", "POST", "/api/v1/supervision/key-entries/" + id + "/measures",
                Map.of("measures", " ", "deadline", ratings.today().toString()));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("errors").findValuesAsString("field")).contains("measures", "deadline");

        TestApi.Answer measures = ratings.as("yz.handler", "POST", "/api/v1/supervision/key-entries/" + id + "/measures",
                Map.of("measures", "开展窗口服务规范培训，实行材料一次性告知，每周通报差评",
                        "deadline", ratings.today().plusDays(30).toString()));
        assertThat(measures.status()).as(measures.body()).isEqualTo(200);
        assertThat(measures.text("status")).isEqualTo("MEASURES_SUBMITTED");

        TestApi.Answer returned = ratings.as("supervisor", "POST", "/api/v1/supervision/key-entries/" + id + "/acceptance",
                Map.of("accepted", false, "note", "措施不够具体，请明确责任人"));
        assertThat(returned.text("status")).isEqualTo("CONFIRMED");
        ratings.as("yz.handler", "POST", "/api/v1/supervision/key-entries/" + id + "/measures",
                Map.of("measures", "窗口负责人牵头培训；一次性告知；每周通报", "deadline", ratings.today().plusDays(30).toString()));
        TestApi.Answer accepted = ratings.as("supervisor", "POST", "/api/v1/supervision/key-entries/" + id + "/acceptance",
                Map.of("accepted", true, "note", "整改到位，当月排名回升"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.text("status")).isEqualTo("CLOSED");
        assertThat(accepted.json().path("history").findValuesAsString("action")).containsSubsequence("PROPOSED",
                "CONFIRMED", "MEASURES_SUBMITTED", "MEASURES_RETURNED", "MEASURES_SUBMITTED", "ACCEPTED");
        assertThat(ratings.as("supervisor", "POST", "/api/v1/supervision/key-entries/" + id + "/acceptance",
                Map.of("accepted", true, "note", "again")).status()).isEqualTo(409);

        long audited = jdbc.sql("select count(*) from identity_audit_log where target = :t and action like 'SUPERVISION_%'")
                .param("t", "KEY_ENTRY:" + id).query(Long.class).single();
        assertThat(audited).as("every step audited").isEqualTo(6);
    }

    @Test
    void measuresNotSubmittedInTimeEscalateOnceToTheOfficeAndTheDepartment() {
        YearMonth month = ratings.twoBadMonthsForYuzhou(17);
        JsonNode list = ratings.as("supervisor", "POST", "/api/v1/supervision/key-entries/proposals",
                Map.of("period", month.toString())).json();
        String id = entry(list, "DEPARTMENT", "YZ-RSJ").path("id").asString();
        ratings.as("supervisor", "POST", "/api/v1/supervision/key-entries/" + id + "/confirmation", Map.of());

        clock.advance(Duration.ofDays(11));
        TestApi.Answer run = ratings.as("admin", "POST", "/api/v1/admin/jobs/supervision-overdue/run", null);
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        ratings.as("admin", "POST", "/api/v1/admin/jobs/supervision-overdue/run", null);

        JsonNode entry = ratings.as("supervisor", "GET", "/api/v1/supervision/key-entries/" + id, null).json();
        assertThat(entry.path("overdue").asBoolean()).isTrue();
        assertThat(entry.path("escalations").asInt()).as("escalated once per date").isEqualTo(1);
        JsonNode alerts = ratings.as("yz.handler", "GET", "/api/v1/supervision/alerts", null).json();
        assertThat(alerts.findValuesAsString("message")).anyMatch(m -> m.contains("督办") && m.contains("逾期未报送"));
        assertThat(ratings.as("xc.handler", "GET", "/api/v1/supervision/alerts", null).json()
                .findValuesAsString("subjectId")).doesNotContain(id);
    }
}
