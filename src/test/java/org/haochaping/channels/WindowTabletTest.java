package org.haochaping.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.haochaping.identity.ApiClientPrincipal;
import org.haochaping.identity.IdentityManagement;
import org.haochaping.support.Await;
import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.PageClient;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The window tablet (评价器, 第八条) over real HTTP: set-up by device key, presenting cases, rating, scope. */
class WindowTabletTest extends IntegrationTest {

    static final String DEVICE = "DEV-XC-W01";
    static final String DEVICE_CLIENT = "demo-device-xc-w01";
    static final String DEVICE_SECRET = "demo-device-secret-2026";
    static final String KEY = "demo-device-key-2026";

    @Autowired
    IdentityManagement identity;

    private PageClient setUpTablet() {
        PageClient tablet = new PageClient(baseUrl());
        PageClient.Page setup = tablet.get("/device/" + DEVICE + "?key=" + KEY);
        assertThat(setup.status()).isEqualTo(303);
        assertThat(setup.location()).endsWith("/device/" + DEVICE).doesNotContain("key");
        return tablet;
    }

    private TestApi.Answer present(String caseNo) {
        return api.signed("POST", "/api/v1/devices/" + DEVICE + "/present", TestApi.json(Map.of("caseNo", caseNo)),
                DEVICE_CLIENT, DEVICE_SECRET);
    }

    private String completedCaseAtWindowOne() {
        String caseNo = Cases.newCaseNo();
        assertThat(api.putCase(caseNo, Cases.completedAtCityHall()).status()).isEqualTo(201);
        return caseNo;
    }

    private String presentationOf(String caseNo) {
        return jdbc.sql("select id from channels_presentation where case_no = :c order by presented_at desc limit 1")
                .param("c", caseNo).query(String.class).single();
    }

    @Test
    void tabletWithoutValidKeyOrCookieIsForbidden() {
        PageClient stranger = new PageClient(baseUrl());
        assertThat(stranger.get("/device/" + DEVICE).status()).isEqualTo(403);
        assertThat(stranger.get("/device/" + DEVICE + "?key=wrong-key").status()).isEqualTo(403);
        assertThat(stranger.get("/device/" + DEVICE).status()).as("a wrong key sets no cookie").isEqualTo(403);
        assertThat(stranger.get("/device/TERM-XC-01?key=demo-terminal-key-2026").status())
                .as("a terminal is no window tablet").isEqualTo(403);
        assertThat(stranger.get("/device/" + DEVICE + "/panel").status()).isEqualTo(403);
        assertThat(stranger.post("/device/" + DEVICE + "/rate", PageClient.form("level", "SATISFIED")).status())
                .isEqualTo(403);
        PageClient.Page page = stranger.get("/device/" + DEVICE);
        assertThat(page.body()).contains("尚未登记为评价器");
    }

    @Test
    void deviceKeySetsALongLivedCookieAndTheTabletWaits() {
        PageClient tablet = setUpTablet();
        PageClient.Page idle = tablet.get("/device/" + DEVICE);
        assertThat(idle.status()).isEqualTo(200);
        assertThat(idle.body()).contains("市场监管综合窗口 1 号", "业务办结后，请在本屏幕上对我们的服务进行评价",
                "hx-trigger=\"every 1s\"");
        assertThat(tablet.getAsHtmx("/device/" + DEVICE + "/panel?showing=idle").status())
                .as("nothing to swap while the tablet keeps waiting").isEqualTo(204);
        clock.advance(Duration.ofDays(300));
        assertThat(tablet.get("/device/" + DEVICE).status()).as("still set up after 300 days").isEqualTo(200);
        String hashes = String.join(",", jdbc.sql("select session_hash from channels_device_session").query(String.class).list());
        assertThat(hashes).as("only a hash of the cookie is stored").doesNotContain("HCP_DEVICE");
    }

    @Test
    void presentedCaseShowsItemSerialNumberAndStaffAndRatingRecordsWindowDevice() {
        PageClient tablet = setUpTablet();
        String caseNo = completedCaseAtWindowOne();
        TestApi.Answer presented = present(caseNo);
        assertThat(presented.status()).isEqualTo(202);
        assertThat(presented.text("caseNo")).isEqualTo(caseNo);
        assertThat(presented.text("windowCode")).isEqualTo("XC-HALL-W01");

        PageClient.Page panel = tablet.getAsHtmx("/device/" + DEVICE + "/panel");
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.body()).contains("企业设立登记", caseNo, "S1001", "张伟", "非常不满意", "服务态度",
                "同意政务服务管理部门就本次评价与我联系").doesNotContain("<html");
        String presentation = panel.input("presentation");
        assertThat(presentation).isEqualTo(presentationOf(caseNo));
        assertThat(tablet.getAsHtmx("/device/" + DEVICE + "/panel?showing=" + presentation).status())
                .as("nothing to swap while the same case is shown").isEqualTo(204);

        PageClient.Page thanks = tablet.post("/device/" + DEVICE + "/rate", PageClient.form("presentation", presentation,
                "level", "VERY_SATISFIED", "reasons", "VERY_SATISFIED:ATTITUDE_WARM", "dim_ATTITUDE", "VERY_SATISFIED",
                "consentContact", "on"));
        assertThat(thanks.status()).isEqualTo(200);
        assertThat(thanks.body()).contains("感谢您的评价", "非常满意");
        var rating = jdbc.sql("select channel, level, consent_contact, consent_share from evaluation_evaluation where case_no = :c")
                .param("c", caseNo).query().singleRow();
        assertThat(rating.get("channel")).isEqualTo("WINDOW_DEVICE");
        assertThat(rating.get("level")).isEqualTo("VERY_SATISFIED");
        assertThat(rating.get("consent_contact")).isEqualTo(true);
        assertThat(rating.get("consent_share")).isEqualTo(false);

        assertThat(tablet.get("/device/" + DEVICE).body()).as("back to waiting").contains("业务办结后");
        assertThat(tablet.post("/device/" + DEVICE + "/rate", PageClient.form("presentation", presentation,
                "level", "VERY_DISSATISFIED")).status()).as("the same presentation cannot rate twice").isEqualTo(410);
        assertThat(jdbc.sql("select count(*) from evaluation_evaluation where case_no = :c").param("c", caseNo)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void missingLevelShowsTheFormAgainAndStoresNothing() {
        PageClient tablet = setUpTablet();
        String caseNo = completedCaseAtWindowOne();
        present(caseNo);
        PageClient.Page refused = tablet.post("/device/" + DEVICE + "/rate",
                PageClient.form("presentation", presentationOf(caseNo), "comment", "没选等级"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("请选择满意度等级", caseNo, "没选等级");
        assertThat(jdbc.sql("select count(*) from evaluation_evaluation where case_no = :c").param("c", caseNo)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aCaseOfAnotherWindowIsRefused() {
        String caseNo = Cases.newCaseNo();
        Map<String, Object> atWindowTwo = Cases.completedAtCityHall();
        atWindowTwo.put("windowCode", "XC-HALL-W02");
        atWindowTwo.put("staffNo", "S1002");
        atWindowTwo.put("staffName", "李娜");
        api.putCase(caseNo, atWindowTwo);
        TestApi.Answer refused = present(caseNo);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("detail")).contains("不是在评价器 DEV-XC-W01 所在窗口");
        assertThat(jdbc.sql("select count(*) from channels_presentation where case_no = :c").param("c", caseNo)
                .query(Long.class).single()).isZero();
    }

    @Test
    void unfinishedRatedAndUnknownCasesAreRefused() {
        String open = Cases.newCaseNo();
        Map<String, Object> accepted = Cases.completedAtCityHall();
        accepted.put("status", "ACCEPTED");
        accepted.remove("completedAt");
        api.putCase(open, accepted);
        assertThat(present(open).status()).isEqualTo(409);
        assertThat(present("T-NO-SUCH-CASE").status()).isEqualTo(404);
        String rated = completedCaseAtWindowOne();
        api.signed("POST", "/api/v1/evaluations", TestApi.json(Map.of("caseNo", rated, "channel", "MOBILE",
                "level", "SATISFIED")), TestApi.PLATFORM, TestApi.PLATFORM_SECRET);
        assertThat(present(rated).status()).isEqualTo(409);
        assertThat(api.signed("POST", "/api/v1/devices/" + DEVICE + "/present", "{}", DEVICE_CLIENT, DEVICE_SECRET)
                .status()).isEqualTo(400);
    }

    @Test
    void onlyTheTabletsClientOrABusinessSystemInScopeMayPresent() {
        String caseNo = completedCaseAtWindowOne();
        String body = TestApi.json(Map.of("caseNo", caseNo));
        assertThat(api.business("POST", "/api/v1/devices/" + DEVICE + "/present", Map.of("caseNo", caseNo)).status())
                .as("a business system covering the window").isEqualTo(202);
        assertThat(api.signed("POST", "/api/v1/devices/" + DEVICE + "/present", body, "demo-terminal-xc-01",
                "demo-terminal-secret-2026").status()).as("a terminal").isEqualTo(403);
        assertThat(api.signed("POST", "/api/v1/devices/" + DEVICE + "/present", body, TestApi.LOWER,
                TestApi.LOWER_SECRET).status()).as("a lower platform").isEqualTo(403);
        String yuzhou = "yz-system-" + UUID.randomUUID().toString().substring(0, 8);
        identity.createClient(yuzhou, "禹州业务系统", "yz-secret-2026", ApiClientPrincipal.Kind.BUSINESS_SYSTEM, "411081", null);
        assertThat(api.signed("POST", "/api/v1/devices/" + DEVICE + "/present", body, yuzhou, "yz-secret-2026")
                .status()).as("a business system of another region").isEqualTo(404);
        assertThat(api.signed("POST", "/api/v1/devices/DEV-NONE/present", body, DEVICE_CLIENT, DEVICE_SECRET).status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/devices/" + DEVICE + "/present", body).status()).isEqualTo(401);
    }

    @Test
    void aCaseRatedElsewhereLeavesTheTabletAndTheNextCaseReplacesTheFormer() {
        PageClient tablet = setUpTablet();
        String first = completedCaseAtWindowOne();
        String second = completedCaseAtWindowOne();
        present(first);
        String firstPresentation = presentationOf(first);
        present(second);
        PageClient.Page panel = tablet.getAsHtmx("/device/" + DEVICE + "/panel?showing=" + firstPresentation);
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.body()).contains(second).doesNotContain(first);
        api.signed("POST", "/api/v1/evaluations", TestApi.json(Map.of("caseNo", second, "channel", "MOBILE",
                "level", "SATISFIED")), TestApi.PLATFORM, TestApi.PLATFORM_SECRET);
        Await.until("the tablet returns to waiting", () -> tablet.getAsHtmx("/device/" + DEVICE + "/panel").body()
                .contains("业务办结后"));
        clock.reset();
    }

    @Test
    void anUnratedPresentationExpiresAndTheTabletWaitsAgain() {
        PageClient tablet = setUpTablet();
        String caseNo = completedCaseAtWindowOne();
        present(caseNo);
        assertThat(tablet.getAsHtmx("/device/" + DEVICE + "/panel").body()).contains(caseNo);
        clock.advance(Duration.ofMinutes(11));
        assertThat(tablet.getAsHtmx("/device/" + DEVICE + "/panel").body()).contains("业务办结后").doesNotContain(caseNo);
    }

    @Test
    void staffCannotRateTheirOwnCase() {
        String caseNo = Cases.newCaseNo();
        String url = api.putCase(caseNo, Cases.completedAtCityHall()).json().path("invitation").path("url").asString();
        String token = url.substring(url.lastIndexOf('/') + 1);
        String staff = api.login("s1001");
        TestApi.Answer refused = api.bearer(staff, "POST", "/api/v1/evaluations", Map.of("token", token,
                "level", "VERY_SATISFIED"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("detail")).contains("工作人员不能评价本人办理的办件");
        assertThat(api.post("/api/v1/evaluations", TestApi.json(Map.of("token", token, "level", "SATISFIED"))).status())
                .as("the token still works for the citizen").isEqualTo(201);
    }
}
