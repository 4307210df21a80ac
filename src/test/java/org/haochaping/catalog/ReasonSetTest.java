package org.haochaping.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.PageClient;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.Test;

/** Reason options are versioned: the administrator publishes a new version; ratings then offer and accept it. */
class ReasonSetTest extends IntegrationTest {

    @Test
    void administratorPublishesANewVersionThatRatingsUse() {
        PageClient admin = PageClient.signedIn(baseUrl(), "admin", TestApi.PASSWORD);
        String page = admin.get("/console/catalog/reasons").body();
        int before = jdbc.sql("select max(version) from catalog_reason_set").query(Integer.class).single();
        String current = jdbc.sql("select level || ',' || code || ',' || label from catalog_reason where set_version = :v order by sort_order, code")
                .param("v", before).query(String.class).list().stream().reduce("", (a, b) -> a + b + "\n");
        String code = "QUEUE_" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        PageClient.Page published = admin.postForm("/console/catalog/reasons", "/console/catalog/reasons",
                Map.of("reasons", current + "DISSATISFIED," + code + ",排队叫号混乱", "note", "增加叫号问题"));
        assertThat(page).contains("发布新版本");
        assertThat(published.status()).isEqualTo(302);
        assertThat(jdbc.sql("select version from catalog_reason_set where active").query(Integer.class).single())
                .isEqualTo(before + 1);

        String caseNo = Cases.newCaseNo();
        String url = api.putCase(caseNo, Cases.completedAtCityHall()).json().path("invitation").path("url").asString();
        assertThat(api.get(url.substring(baseUrl().length())).body()).contains("排队叫号混乱");
        TestApi.Answer rated = api.post("/api/v1/evaluations", TestApi.json(Map.of("token", url.substring(url.lastIndexOf('/') + 1),
                "level", "DISSATISFIED", "reasons", List.of(code))));
        assertThat(rated.status()).isEqualTo(201);
        assertThat(jdbc.sql("select reason_set_version from evaluation_evaluation where case_no = :c").param("c", caseNo)
                .query(Integer.class).single()).isEqualTo(before + 1);
    }

    @Test
    void malformedLinesAreRefusedAndNothingChanges() {
        PageClient admin = PageClient.signedIn(baseUrl(), "admin", TestApi.PASSWORD);
        int before = jdbc.sql("select max(version) from catalog_reason_set").query(Integer.class).single();
        PageClient.Page refused = admin.postForm("/console/catalog/reasons", "/console/catalog/reasons",
                Map.of("reasons", "GREAT,X,好"));
        assertThat(refused.body()).contains("第 1 行格式应为");
        assertThat(jdbc.sql("select max(version) from catalog_reason_set").query(Integer.class).single()).isEqualTo(before);
        assertThat(PageClient.signedIn(baseUrl(), "supervisor", TestApi.PASSWORD).postForm("/console/catalog/reasons",
                "/console/catalog/reasons", Map.of("reasons", "BASIC,X1,一般")).status()).isEqualTo(403);
    }
}
