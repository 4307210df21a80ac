package org.haochaping.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.haochaping.identity.PersonalDataVault;
import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.PageClient;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The static QR of a window: a person proves their mobile with a 6-digit SMS code and rates their recent unrated
 * cases at that window (channel QR). Codes expire, tries are limited, sending is rate-limited.
 */
class WindowQrTest extends IntegrationTest {

    static final String WINDOW = "XC-HALL-W01";

    @Autowired
    PersonalDataVault vault;

    static String newMobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private String caseFor(String mobile, String windowCode) {
        String caseNo = Cases.newCaseNo();
        Map<String, Object> body = Cases.completedAtCityHall();
        body.put("applicant", Map.of("type", "PERSON", "name", "赵六", "idType", "ID_CARD",
                "idNumber", "411002199203033333", "mobile", mobile));
        if (!WINDOW.equals(windowCode)) {
            body.put("windowCode", windowCode);
            body.put("staffNo", "S1002");
            body.put("staffName", "李娜");
        }
        assertThat(api.putCase(caseNo, body).status()).isEqualTo(201);
        return caseNo;
    }

    private String lastCode(String mobile) {
        String text = jdbc.sql("""
                select text from channels_sms_outbox where mobile_index = :m and purpose = 'VERIFICATION_CODE'
                order by id desc limit 1
                """).param("m", vault.index(mobile)).query(String.class).single();
        Matcher m = Pattern.compile("验证码为 ([0-9]{6})").matcher(text);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private PageClient.Page sendCode(PageClient person, String mobile) {
        return person.post("/w/" + WINDOW + "/code", PageClient.form("mobile", mobile));
    }

    @Test
    void personProvesTheirMobileAndRatesTheirUnratedCasesAtThatWindow() {
        String mobile = newMobile();
        String mine = caseFor(mobile, WINDOW);
        String alreadyRated = caseFor(mobile, WINDOW);
        String otherWindow = caseFor(mobile, "XC-HALL-W02");
        String someoneElses = caseFor(newMobile(), WINDOW);
        api.signed("POST", "/api/v1/evaluations", TestApi.json(Map.of("caseNo", alreadyRated, "channel", "MOBILE",
                "level", "SATISFIED")), TestApi.PLATFORM, TestApi.PLATFORM_SECRET);

        PageClient person = new PageClient(baseUrl());
        PageClient.Page start = person.get("/w/" + WINDOW);
        assertThat(start.status()).isEqualTo(200);
        assertThat(start.body()).contains("市场监管综合窗口 1 号", "许昌市政务服务中心", "获取验证码");

        PageClient.Page codePage = sendCode(person, mobile);
        assertThat(codePage.status()).isEqualTo(200);
        assertThat(codePage.body()).contains("验证码已发送至", mobile.substring(0, 3) + "****" + mobile.substring(7))
                .doesNotContain(mobile);
        String challenge = codePage.input("challenge");
        String code = lastCode(mobile);
        assertThat(jdbc.sql("select code_hash from channels_verification_code where id = :id").param("id", challenge)
                .query(String.class).single()).as("the code is stored hashed").doesNotContain(code).hasSize(64);

        PageClient.Page verified = person.post("/w/" + WINDOW + "/verify", PageClient.form("challenge", challenge,
                "code", code));
        assertThat(verified.status()).isEqualTo(302);
        PageClient.Page list = person.get(verified.location());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(mine, "企业设立登记", "评价此办件")
                .doesNotContain(alreadyRated).doesNotContain(otherWindow).doesNotContain(someoneElses);

        Matcher link = Pattern.compile("href=\"([^\"]*/e/[^\"]+)\"").matcher(list.body());
        assertThat(link.find()).isTrue();
        String url = link.group(1);
        PageClient.Page ratingPage = person.get(url);
        assertThat(ratingPage.status()).isEqualTo(200);
        assertThat(ratingPage.body()).contains(mine, "consentContact");
        PageClient.Page thanks = person.post(url, PageClient.form("level", "BASIC", "reasons", "BASIC:WAIT_LONG",
                "consentShare", "on"));
        assertThat(thanks.status()).isEqualTo(200);
        var rating = jdbc.sql("select channel, level, consent_share from evaluation_evaluation where case_no = :c")
                .param("c", mine).query().singleRow();
        assertThat(rating.get("channel")).isEqualTo("QR");
        assertThat(rating.get("level")).isEqualTo("BASIC");
        assertThat(rating.get("consent_share")).isEqualTo(true);

        assertThat(person.get(verified.location()).body()).as("the rated case leaves the list")
                .doesNotContain(mine).contains("没有找到您近", "天在本窗口办结且尚未评价的办件");
        clock.advance(Duration.ofMinutes(31));
        assertThat(person.get(verified.location()).status()).as("the verification lasts half an hour").isEqualTo(410);
    }

    @Test
    void fiveWrongTriesLockTheCode() {
        String mobile = newMobile();
        caseFor(mobile, WINDOW);
        PageClient person = new PageClient(baseUrl());
        String challenge = sendCode(person, mobile).input("challenge");
        String code = lastCode(mobile);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 1; i <= 4; i++) {
            PageClient.Page refused = person.post("/w/" + WINDOW + "/verify", PageClient.form("challenge", challenge,
                    "code", wrong));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body()).contains("验证码不正确，还可以再试 " + (5 - i) + " 次");
        }
        PageClient.Page fifth = person.post("/w/" + WINDOW + "/verify", PageClient.form("challenge", challenge,
                "code", wrong));
        assertThat(fifth.status()).isEqualTo(429);
        assertThat(fifth.body()).contains("验证码输错次数过多");
        PageClient.Page right = person.post("/w/" + WINDOW + "/verify", PageClient.form("challenge", challenge,
                "code", code));
        assertThat(right.status()).as("even the right code no longer works").isEqualTo(429);
    }

    @Test
    void codeExpiresAfterFiveMinutesAndWorksOnlyOnce() {
        String mobile = newMobile();
        PageClient person = new PageClient(baseUrl());
        String challenge = sendCode(person, mobile).input("challenge");
        String code = lastCode(mobile);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        PageClient.Page late = person.post("/w/" + WINDOW + "/verify", PageClient.form("challenge", challenge, "code", code));
        assertThat(late.status()).isEqualTo(410);
        assertThat(late.body()).contains("验证码已过期");

        String second = sendCode(person, mobile).input("challenge");
        String secondCode = lastCode(mobile);
        assertThat(person.post("/w/" + WINDOW + "/verify", PageClient.form("challenge", second, "code", secondCode))
                .status()).isEqualTo(302);
        assertThat(person.post("/w/" + WINDOW + "/verify", PageClient.form("challenge", second, "code", secondCode))
                .status()).as("a used code").isEqualTo(410);
        assertThat(person.post("/w/XC-HALL-W02/verify", PageClient.form("challenge", second, "code", secondCode))
                .status()).as("a code of another window").isEqualTo(400);
    }

    @Test
    void sendingCodesIsRateLimitedPerMobile() {
        String mobile = newMobile();
        PageClient person = new PageClient(baseUrl());
        assertThat(sendCode(person, mobile).status()).isEqualTo(200);
        PageClient.Page tooSoon = sendCode(person, mobile);
        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(tooSoon.body()).contains("60 秒后再重新获取");
        for (int i = 2; i <= 5; i++) {
            clock.advance(Duration.ofSeconds(61));
            assertThat(sendCode(person, mobile).status()).as("code %d within the hour", i).isEqualTo(200);
        }
        clock.advance(Duration.ofSeconds(61));
        PageClient.Page sixth = sendCode(person, mobile);
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.body()).contains("一小时内获取验证码次数过多");
        assertThat(jdbc.sql("select count(*) from channels_sms_outbox where mobile_index = :m")
                .param("m", vault.index(mobile)).query(Long.class).single()).isEqualTo(5);
        assertThat(sendCode(person, newMobile()).status()).as("another mobile is not held up").isEqualTo(200);
        clock.advance(Duration.ofHours(1));
        assertThat(sendCode(person, mobile).status()).isEqualTo(200);
    }

    @Test
    void badInputGetsAClearPageAndSendsNothing() {
        PageClient person = new PageClient(baseUrl());
        PageClient.Page bad = person.post("/w/" + WINDOW + "/code", PageClient.form("mobile", "12345"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("请输入正确的 11 位手机号码");
        assertThat(person.post("/w/" + WINDOW + "/code", PageClient.form()).status()).isEqualTo(400);
        assertThat(person.post("/w/" + WINDOW + "/verify", PageClient.form("challenge", "nonsense", "code", "123456"))
                .status()).isEqualTo(400);
        assertThat(person.get("/w/NO-SUCH-WINDOW").status()).isEqualTo(404);
        assertThat(person.get("/w/" + WINDOW + "/cases/forged-id").status()).isEqualTo(410);
    }

    @Test
    void posterShowsTheWindowsQrCodeAndAnInvitation() {
        PageClient person = new PageClient(baseUrl());
        PageClient.Page poster = person.get("/w/" + WINDOW + "/poster");
        assertThat(poster.status()).isEqualTo(200);
        assertThat(poster.body()).contains("好差评", "市场监管综合窗口 1 号", "/w/" + WINDOW + "/qr.png",
                "扫描上方二维码", baseUrl() + "/w/" + WINDOW);
        TestApi.Answer png = api.get("/w/" + WINDOW + "/qr.png");
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.contentType()).isEqualTo("image/png");
    }

    @Test
    void spentCodesAreRemovedAfterADay() {
        String mobile = newMobile();
        String challenge = sendCode(new PageClient(baseUrl()), mobile).input("challenge");
        clock.advance(Duration.ofHours(23));
        runCleanup();
        assertThat(codeRows(challenge)).isEqualTo(1);
        clock.advance(Duration.ofHours(2));
        runCleanup();
        assertThat(codeRows(challenge)).isZero();
    }

    private long codeRows(String challenge) {
        return jdbc.sql("select count(*) from channels_verification_code where id = :id").param("id", challenge)
                .query(Long.class).single();
    }

    private void runCleanup() {
        assertThat(api.bearer(api.login("admin"), "POST", "/api/v1/admin/jobs/channels-cleanup/run", null).status())
                .isEqualTo(200);
    }
}
