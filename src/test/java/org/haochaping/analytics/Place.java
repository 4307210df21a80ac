package org.haochaping.analytics;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.haochaping.support.Cases;
import org.haochaping.support.TestApi;
import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A county of its own, made for one test: a department, a hall with two windows, three staff and two items, so
 * that figures filtered to it are exactly what the test created (the suite shares one database).
 */
record Place(String region, String regionName, String department, String departmentName, String body,
        String window1, String window2, String staff1, String staff2, String staff3, String item1, String item2) {

    static Place create(JdbcClient jdbc) {
        String n = String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String s = n.substring(2);
        Place p = new Place("4110" + n, "测试区" + s, "AT-D" + s, "测试局" + s, "AT-B" + s, "AT-B" + s + "-W1",
                "AT-B" + s + "-W2", "AT" + s + "1", "AT" + s + "2", "AT" + s + "3", "AT-I" + s + "-1", "AT-I" + s + "-2");
        jdbc.sql("insert into catalog_region (code, name, level, parent_code) values (:c, :n, 'COUNTY', '411000')")
                .param("c", p.region).param("n", p.regionName).update();
        jdbc.sql("insert into catalog_department (code, name, region_code) values (:c, :n, :r)")
                .param("c", p.department).param("n", p.departmentName).param("r", p.region).update();
        jdbc.sql("insert into catalog_service_body (code, name, region_code) values (:c, :n, :r)")
                .param("c", p.body).param("n", "测试政务服务中心" + s).param("r", p.region).update();
        for (String w : new String[] {p.window1, p.window2}) {
            jdbc.sql("insert into catalog_window (code, name, service_body_code, department_code) values (:c, :n, :b, :d)")
                    .param("c", w).param("n", "窗口 " + w).param("b", p.body).param("d", p.department).update();
        }
        String[][] staff = {{p.staff1, "甲" + s, p.window1}, {p.staff2, "乙" + s, p.window2}, {p.staff3, "丙" + s, p.window2}};
        for (String[] st : staff) {
            jdbc.sql("insert into catalog_staff (staff_no, name, window_code, department_code) values (:s, :n, :w, :d)")
                    .param("s", st[0]).param("n", st[1]).param("w", st[2]).param("d", p.department).update();
        }
        jdbc.sql("insert into catalog_service_item (code, name, department_code) values (:c, :n, :d), (:c2, :n2, :d)")
                .param("c", p.item1).param("n", "测试事项一" + s).param("c2", p.item2).param("n2", "测试事项二" + s)
                .param("d", p.department).update();
        return p;
    }

    /** A completed case body at window 1 (or the staff member's window), completed an hour ago. */
    Map<String, Object> caseAt(String staffNo, String itemCode) {
        Map<String, Object> body = new HashMap<>(Cases.completedAtCityHall());
        body.put("itemCode", itemCode);
        body.put("itemName", itemCode.equals(item1) ? "测试事项一" : "测试事项二");
        body.put("departmentCode", department);
        body.put("serviceBodyCode", this.body);
        body.put("windowCode", staffNo.equals(staff1) ? window1 : window2);
        body.put("staffNo", staffNo);
        body.put("staffName", "测试人员");
        body.put("regionCode", region);
        return body;
    }

    /** Reports a completed case and answers its number. */
    String completedCase(TestApi api, String staffNo, String itemCode) {
        String caseNo = Cases.newCaseNo();
        TestApi.Answer put = api.putCase(caseNo, caseAt(staffNo, itemCode));
        assertThat(put.status()).as(put.body()).isEqualTo(201);
        return caseNo;
    }

    /** A completed case generated {@code days} ago and still unrated. */
    String completedDaysAgo(TestApi api, int days) {
        String caseNo = Cases.newCaseNo();
        Map<String, Object> body = caseAt(staff1, item1);
        OffsetDateTime generated = OffsetDateTime.now(Zones.SHANGHAI).minusDays(days).truncatedTo(ChronoUnit.SECONDS);
        body.put("acceptedAt", generated.minusHours(1).toString());
        body.put("completedAt", generated.toString());
        body.put("generatedAt", generated.toString());
        TestApi.Answer put = api.putCase(caseNo, body);
        assertThat(put.status()).as(put.body()).isEqualTo(201);
        return caseNo;
    }

    /** Rates a case through the trusted platform (signed) and answers the rating's id. */
    static String rate(TestApi api, String caseNo, String level, String comment) {
        return rate(api, caseNo, level, comment, java.util.List.of());
    }

    /** Rates a case with reason options (codes of the level's active set). */
    static String rate(TestApi api, String caseNo, String level, String comment, java.util.List<String> reasons) {
        Map<String, Object> body = new HashMap<>(Map.of("caseNo", caseNo, "channel", "MOBILE", "level", level,
                "reasons", reasons));
        if (comment != null) {
            body.put("comment", comment);
        }
        TestApi.Answer answer = api.signed("POST", "/api/v1/evaluations", TestApi.json(body), TestApi.PLATFORM,
                TestApi.PLATFORM_SECRET);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.text("id");
    }

    /** Reports a case for the staff member and item and rates it. */
    String rated(TestApi api, String staffNo, String itemCode, String level, String comment) {
        return rate(api, completedCase(api, staffNo, itemCode), level, comment);
    }
}
