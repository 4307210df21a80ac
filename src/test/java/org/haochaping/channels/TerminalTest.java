package org.haochaping.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.Test;

/** The self-service terminal (第八条): right after finishing, its rating page shows item, serial number, terminal. */
class TerminalTest extends IntegrationTest {

    static final String TERMINAL = "TERM-XC-01";
    static final String CLIENT = "demo-terminal-xc-01";
    static final String SECRET = "demo-terminal-secret-2026";

    private TestApi.Answer invite(String terminal, String caseNo, String client, String secret) {
        return api.signed("POST", "/api/v1/terminals/" + terminal + "/invitations",
                TestApi.json(Map.of("caseNo", caseNo)), client, secret);
    }

    private static String tokenOf(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    @Test
    void terminalOpensAPageWithItemSerialNumberAndTerminalNumberAndTheRatingRecordsTerminal() {
        String caseNo = Cases.newCaseNo();
        api.putCase(caseNo, Cases.completedAtCityHall());
        TestApi.Answer invitation = invite(TERMINAL, caseNo, CLIENT, SECRET);
        assertThat(invitation.status()).isEqualTo(201);
        String url = invitation.text("url");
        assertThat(url).startsWith(baseUrl() + "/e/");
        assertThat(invitation.text("terminalCode")).isEqualTo(TERMINAL);

        TestApi.Answer page = api.get("/e/" + tokenOf(url));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("企业设立登记", caseNo, "终端编号", TERMINAL, "consentContact");

        TestApi.Answer rated = api.post("/api/v1/evaluations", TestApi.json(Map.of("token", tokenOf(url),
                "level", "SATISFIED")));
        assertThat(rated.status()).isEqualTo(201);
        assertThat(rated.text("channel")).isEqualTo("TERMINAL");
    }

    @Test
    void theTerminalsLinkLivesOnlyHalfAnHour() {
        String caseNo = Cases.newCaseNo();
        api.putCase(caseNo, Cases.completedAtCityHall());
        String url = invite(TERMINAL, caseNo, CLIENT, SECRET).text("url");
        clock.advance(Duration.ofMinutes(31));
        TestApi.Answer late = api.post("/api/v1/evaluations", TestApi.json(Map.of("token", tokenOf(url),
                "level", "SATISFIED")));
        assertThat(late.status()).isEqualTo(410);
        assertThat(late.text("title")).isEqualTo("评价链接已过期");
    }

    @Test
    void onlyTheTerminalsOwnClientForCasesOfItsHall() {
        String caseNo = Cases.newCaseNo();
        api.putCase(caseNo, Cases.completedAtCityHall());
        assertThat(invite(TERMINAL, caseNo, "demo-device-xc-w01", "demo-device-secret-2026").status())
                .as("a window tablet's client").isEqualTo(403);
        assertThat(api.business("POST", "/api/v1/terminals/" + TERMINAL + "/invitations", Map.of("caseNo", caseNo))
                .status()).as("a business system").isEqualTo(403);
        assertThat(invite("TERM-OTHER", caseNo, CLIENT, SECRET).status()).as("another terminal").isEqualTo(403);

        String weidu = Cases.newCaseNo();
        Map<String, Object> atWeidu = Cases.completedAtCityHall();
        atWeidu.putAll(Map.of("itemCode", "ITEM-MZJ-001", "itemName", "结婚登记", "departmentCode", "WD-MZJ",
                "serviceBodyCode", "WD-HALL", "windowCode", "WD-HALL-W01", "staffNo", "S2001", "staffName", "王芳",
                "regionCode", "411002"));
        api.putCase(weidu, atWeidu);
        TestApi.Answer otherHall = invite(TERMINAL, weidu, CLIENT, SECRET);
        assertThat(otherHall.status()).isEqualTo(409);
        assertThat(otherHall.text("detail")).contains("不是在自助终端 TERM-XC-01 所在的政务服务机构办理的");

        String yuzhou = Cases.newCaseNo();
        api.putCase(yuzhou, Cases.completedAtYuzhou());
        assertThat(invite(TERMINAL, yuzhou, CLIENT, SECRET).status()).isEqualTo(409);
        assertThat(invite(TERMINAL, "T-NO-SUCH-CASE", CLIENT, SECRET).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from channels_invitation where channel = 'TERMINAL' and case_no in (:c)")
                .param("c", java.util.List.of(caseNo, weidu, yuzhou)).query(Long.class).single()).isZero();
    }
}
