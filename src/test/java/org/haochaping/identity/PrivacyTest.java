package org.haochaping.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.haochaping.support.Await;
import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.PageClient;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 第七条 and domain §8: planted evaluator identity never appears in a staff-facing JSON answer or page (only the
 * supervision office's explicit, audited reveal shows it), nor in plain text anywhere in the database.
 */
class PrivacyTest extends IntegrationTest {

    private static final String[] STAFF = {"admin", "supervisor", "wd.supervisor", "xc.handler", "yz.handler", "s1001",
            "auditor", "xc.hall", "jdy01", "city.office"};

    private String name;
    private String idNumber;
    private String mobile;
    private String caseNo;
    private String ratingId;

    @BeforeEach
    void plantAnEvaluator() {
        String unique = String.format("%08d", Math.abs(UUID.randomUUID().getMostSignificantBits()) % 100_000_000);
        name = "隐私测" + unique.substring(0, 2);
        idNumber = "41100219900101" + unique.substring(0, 4);
        mobile = "139" + unique;
        caseNo = Cases.newCaseNo();
        Map<String, Object> body = Cases.completedAtCityHall();
        body.put("applicant", Map.of("type", "PERSON", "name", name, "idType", "ID_CARD", "idNumber", idNumber,
                "mobile", mobile));
        String url = api.putCase(caseNo, body).json().path("invitation").path("url").asString();
        ratingId = api.post("/api/v1/evaluations", TestApi.json(Map.of("token", url.substring(url.lastIndexOf('/') + 1),
                "level", "VERY_DISSATISFIED", "comment", "<script>alert('x')</script>差评"))).text("id");
        Await.until("work order", () -> jdbc.sql("select count(*) from rectification_work_order where case_no = :c")
                .param("c", caseNo).query(Long.class).single() == 1);
    }

    private void assertNoIdentity(String who, String where, String text) {
        assertThat(text).as(who + " " + where).doesNotContain(name).doesNotContain(idNumber).doesNotContain(mobile);
    }

    @Test
    void noStaffJsonAnswerCarriesPlainIdentity() {
        for (String user : STAFF) {
            String token = api.login(user);
            for (String path : List.of("/api/v1/evaluations?caseNo=" + caseNo, "/api/v1/evaluations/" + ratingId,
                    "/api/v1/evaluations?size=200")) {
                assertNoIdentity(user, path, api.bearer(token, "GET", path, null).body());
            }
        }
        assertNoIdentity("business system", "case answer", api.putCase(caseNo, Cases.completedAtCityHall()).body());
    }

    @Test
    void noConsolePageShowsPlainIdentityAndCommentsAreEscaped() {
        for (String user : STAFF) {
            PageClient session = PageClient.signedIn(baseUrl(), user, TestApi.PASSWORD);
            for (String path : List.of("/console/evaluations?caseNo=" + caseNo, "/console/evaluations/" + ratingId,
                    "/console/evaluations")) {
                PageClient.Page page = session.get(path);
                assertNoIdentity(user, path, page.body());
                assertThat(page.body()).as(user + " " + path).doesNotContain("<script>alert('x')</script>");
            }
        }
        String detail = PageClient.signedIn(baseUrl(), "supervisor", TestApi.PASSWORD).get("/console/evaluations/" + ratingId).body();
        assertThat(detail).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;差评");
    }

    @Test
    void supervisionOfficeRevealsOnlyExplicitlyAndEveryRevealIsAudited() {
        String token = api.login("supervisor");
        TestApi.Answer revealed = api.bearer(token, "POST", "/api/v1/evaluations/" + ratingId + "/evaluator/reveal",
                Map.of("purpose", "CALLBACK", "note", "回访核实"));
        assertThat(revealed.status()).isEqualTo(200);
        assertThat(revealed.text("name")).isEqualTo(name);
        assertThat(revealed.text("mobile")).isEqualTo(mobile);
        assertThat(jdbc.sql("select count(*) from identity_audit_log where actor = 'supervisor' and action = 'REVEAL_EVALUATOR' and target = :t")
                .param("t", "evaluation:" + ratingId).query(Long.class).single()).isEqualTo(1);
        assertThat(api.bearer(token, "POST", "/api/v1/evaluations/" + ratingId + "/evaluator/reveal", Map.of())
                .status()).isEqualTo(400);
        for (String user : new String[] {"xc.handler", "s1001", "xc.hall", "admin"}) {
            TestApi.Answer refused = api.bearer(api.login(user), "POST", "/api/v1/evaluations/" + ratingId + "/evaluator/reveal",
                    Map.of("purpose", "CALLBACK"));
            assertThat(refused.status()).as(user).isIn(403, 404);
            assertNoIdentity(user, "reveal", refused.body());
        }
        PageClient console = PageClient.signedIn(baseUrl(), "supervisor", TestApi.PASSWORD);
        PageClient.Page page = console.postForm("/console/evaluations/" + ratingId, "/console/evaluations/" + ratingId + "/reveal",
                Map.of("purpose", "VERIFICATION"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(name).contains(mobile);
    }

    @Test
    void databaseDumpShowsNoPlainIdentity() {
        List<String> tables = jdbc.sql("select table_name from information_schema.tables where lower(table_schema) = 'public'")
                .query(String.class).list();
        assertThat(tables).isNotEmpty();
        List<String> leaks = new ArrayList<>();
        for (String table : tables) {
            for (Map<String, Object> row : jdbc.sql("select * from " + table).query().listOfRows()) {
                for (Map.Entry<String, Object> cell : row.entrySet()) {
                    Object value = cell.getValue();
                    String text = value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                            : String.valueOf(value);
                    if (text.contains(name) || text.contains(idNumber) || text.contains(mobile)) {
                        leaks.add(table + "." + cell.getKey());
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
    }
}
