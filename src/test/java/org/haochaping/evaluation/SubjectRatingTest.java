package org.haochaping.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.haochaping.identity.PersonalDataVault;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 综合点评 (mobile verified by SMS code) and 监督查评 (inspectors): ratings without a case, counted apart. */
class SubjectRatingTest extends IntegrationTest {

    @Autowired
    PersonalDataVault vault;

    static String mobile() {
        return "186" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    String codeSentTo(String mobile) {
        String text = jdbc.sql("select text from channels_sms_outbox where mobile_index = :m order by id desc limit 1")
                .param("m", vault.index(mobile)).query(String.class).single();
        Matcher m = Pattern.compile("([0-9]{6})").matcher(text);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void publicCommentNeedsTheSmsCodeAndIsCountedApart() {
        String mobile = mobile();
        long caseRatings = jdbc.sql("select count(*) from evaluation_evaluation").query(Long.class).single();
        TestApi.Answer sent = api.post("/api/v1/public-comments/code", TestApi.json(Map.of("mobile", mobile)));
        assertThat(sent.status()).isEqualTo(201);
        String challenge = sent.text("challenge");
        String code = codeSentTo(mobile);
        String wrong = code.equals("000000") ? "111111" : "000000";
        TestApi.Answer refused = api.post("/api/v1/public-comments", TestApi.json(Map.of("challenge", challenge,
                "code", wrong, "mobile", mobile, "subjectType", "SERVICE_BODY", "subjectCode", "XC-HALL", "level", "SATISFIED")));
        assertThat(refused.status()).isEqualTo(400);
        TestApi.Answer stored = api.post("/api/v1/public-comments", TestApi.json(Map.of("challenge", challenge,
                "code", code, "mobile", mobile, "subjectType", "SERVICE_BODY", "subjectCode", "XC-HALL",
                "level", "DISSATISFIED", "comment", "大厅停车位太少")));
        assertThat(stored.status()).isEqualTo(201);
        assertThat(stored.text("channel")).isEqualTo("PUBLIC_COMMENT");
        assertThat(stored.text("subjectName")).isEqualTo("许昌市政务服务中心");
        assertThat(api.post("/api/v1/public-comments", TestApi.json(Map.of("challenge", challenge, "code", code,
                "mobile", mobile, "subjectType", "SERVICE_BODY", "subjectCode", "XC-HALL", "level", "SATISFIED")))
                .status()).as("a code is used once").isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from evaluation_evaluation").query(Long.class).single()).isEqualTo(caseRatings);
        assertThat(jdbc.sql("select author_mobile from evaluation_subject_rating where id = :id").param("id", stored.text("id"))
                .query(String.class).single()).startsWith("v1:").doesNotContain(mobile);

        TestApi.Answer read = api.bearer(api.login("supervisor"), "GET", "/api/v1/subject-ratings", null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).contains("大厅停车位太少").doesNotContain(mobile);
        assertThat(api.bearer(api.login("xc.handler"), "GET", "/api/v1/subject-ratings", null).status()).isEqualTo(403);
    }

    @Test
    void inspectorsRateSubjectsAndOnlyInspectorsMay() {
        TestApi.Answer inspected = api.bearer(api.login("jdy01"), "POST", "/api/v1/supervision-ratings",
                Map.of("subjectType", "DEPARTMENT", "subjectCode", "YZ-RSJ", "level", "BASIC", "comment", "暗访：引导不够清楚"));
        assertThat(inspected.status()).isEqualTo(201);
        assertThat(inspected.text("channel")).isEqualTo("SUPERVISION");
        assertThat(api.bearer(api.login("jdy01"), "POST", "/api/v1/supervision-ratings",
                Map.of("subjectType", "DEPARTMENT", "subjectCode", "NOPE", "level", "BASIC")).status()).isEqualTo(400);
        assertThat(api.bearer(api.login("supervisor"), "POST", "/api/v1/supervision-ratings",
                Map.of("subjectType", "DEPARTMENT", "subjectCode", "YZ-RSJ", "level", "BASIC")).status()).isEqualTo(403);
        assertThat(api.bearer(api.login("supervisor"), "GET", "/api/v1/subject-ratings", null).body()).contains("暗访：引导不够清楚");
    }
}
