package org.haochaping.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Accountability: deductions for confirmed failures of duty and award eligibility in the appraisal (plan 二(五),
 * 第十四条); coaching and reassignment of staff (第十五条); restricted referrals (第十五条); service guide revisions
 * (第十二条); the periodic notice (plan 二(四)2).
 */
class AccountabilityTest extends IntegrationTest {

    Ratings ratings;

    @BeforeEach
    void setUp() {
        ratings = new Ratings(api, jdbc, clock);
    }

    private TestApi.Answer as(String user, String method, String path, Object body) {
        return ratings.as(user, method, path, body);
    }

    @Test
    void aConfirmedFailureOfDutyCostsPointsAndEligibilityShownInTheAppraisalWithItsSource() throws Exception {
        int year = ratings.moveToMonthAhead(26).getYear();
        ratings.yuzhou("SATISFIED");
        Ratings.Rated unverified = ratings.cityHall("DISSATISFIED");
        TestApi.Answer refused = as("supervisor", "POST", "/api/v1/appraisal/deductions", Map.of("workOrderId",
                unverified.workOrderId(), "againstDepartment", true, "points", 2, "reason", "履职不到位"));
        assertThat(refused.status()).as("only a confirmed bad rating costs points").isEqualTo(409);
        assertThat(refused.json().path("detail").asString()).contains("尚未核实");

        Ratings.Rated rated = ratings.confirmedAtCityHall();
        Map<String, Object> body = Map.of("workOrderId", rated.workOrderId(), "againstDepartment", true,
                "againstStaff", true, "points", 2.5, "reason", "未一次性告知所需材料，致群众往返三次", "losesEligibility", true);
        assertThat(as("xc.handler", "POST", "/api/v1/appraisal/deductions", body).status()).isEqualTo(403);
        assertThat(as("supervisor", "POST", "/api/v1/appraisal/deductions", Map.of("workOrderId", rated.workOrderId(),
                "againstDepartment", true, "points", 50, "reason", "x")).status()).as("at most 10 points").isEqualTo(400);
        TestApi.Answer deducted = as("supervisor", "POST", "/api/v1/appraisal/deductions", body);
        assertThat(deducted.status()).as(deducted.body()).isEqualTo(201);
        assertThat(deducted.json().path("year").asInt()).isEqualTo(year);
        assertThat(as("supervisor", "POST", "/api/v1/appraisal/deductions", body).status()).as("once per work order")
                .isEqualTo(409);

        JsonNode appraisal = as("supervisor", "GET", "/api/v1/appraisal/" + year, null).json();
        JsonNode department = row(appraisal.path("departments"), "XC-SCJG");
        assertThat(department.path("deductions").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(department.path("eligible").asBoolean()).isFalse();
        assertThat(department.path("sources").get(0).path("workOrderId").asString()).isEqualTo(rated.workOrderId());
        assertThat(department.path("net").asDouble())
                .isEqualTo(department.path("score").asDouble() - 2.5, org.assertj.core.data.Offset.offset(0.01));
        JsonNode staff = row(appraisal.path("staff"), "S1001");
        assertThat(staff.path("eligible").asBoolean()).isFalse();
        org.haochaping.support.Await.until("禹州 ranked", () -> as("supervisor", "GET", "/api/v1/appraisal/" + year, null)
                .json().path("departments").findValuesAsString("code").contains("YZ-RSJ"));
        assertThat(row(as("supervisor", "GET", "/api/v1/appraisal/" + year, null).json().path("departments"), "YZ-RSJ")
                .path("eligible").asBoolean()).as("other departments keep theirs").isTrue();

        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/api/v1/appraisal/" + year + ".xlsx"))
                .header("Authorization", "Bearer " + api.login("supervisor")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            // the one appraisal workbook: the year's indicators, then 扣分, 考核得分, 评优资格
            Sheet departments = book.getSheet("部门考核指标");
            Row xc = find(departments, "XC-SCJG");
            assertThat(xc.getCell(13).getNumericCellValue()).isEqualTo(2.5);
            assertThat(xc.getCell(14).getNumericCellValue())
                    .isEqualTo(xc.getCell(3).getNumericCellValue() - 2.5, org.assertj.core.data.Offset.offset(0.01));
            assertThat(xc.getCell(15).getStringCellValue()).isEqualTo("取消");
            assertThat(find(book.getSheet("人员考核指标"), "S1001").getCell(14).getStringCellValue()).isEqualTo("取消");
            Row source = null;
            for (Row row : book.getSheet("扣分明细")) {
                if (row.getCell(6) != null && rated.workOrderId().equals(row.getCell(6).getStringCellValue())) {
                    source = row;
                }
            }
            assertThat(source).as("the deduction's source work order is listed").isNotNull();
            assertThat(source.getCell(7).getStringCellValue()).isEqualTo(rated.caseNo());
            assertThat(source.getCell(4).getStringCellValue()).contains("未一次性告知");
        }

        String id = deducted.text("id");
        TestApi.Answer revoked = as("supervisor", "POST", "/api/v1/appraisal/deductions/" + id + "/revocation",
                Map.of("note", "复核后认定属系统故障"));
        assertThat(revoked.json().path("active").asBoolean()).isFalse();
        assertThat(as("supervisor", "POST", "/api/v1/appraisal/deductions/" + id + "/revocation",
                Map.of("note", "again")).status()).isEqualTo(409);
        assertThat(row(as("supervisor", "GET", "/api/v1/appraisal/" + year, null).json().path("departments"), "XC-SCJG")
                .path("eligible").asBoolean()).as("a revoked deduction no longer counts").isTrue();
    }

    private static JsonNode row(JsonNode rows, String code) {
        for (JsonNode r : rows) {
            if (r.path("code").asString().equals(code)) {
                return r;
            }
        }
        throw new AssertionError("no row " + code + " in " + rows);
    }

    /** The row whose first column is the code, or null. */
    private static Row find(Sheet sheet, String code) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && code.equals(row.getCell(0).getStringCellValue())) {
                return row;
            }
        }
        return null;
    }

    @Test
    void staffNotImprovedAfterCoachingAreReassignedByTheDepartmentWithHistoryKept() {
        LocalDate today = LocalDate.now(clock);
        TestApi.Answer bad = as("supervisor", "POST", "/api/v1/supervision/coachings", Map.of("staffNo", "S3001",
                "coaching", "谈话", "coachedOn", today.toString(), "reviewOn", today.toString()));
        assertThat(bad.status()).isEqualTo(400);
        TestApi.Answer coached = as("supervisor", "POST", "/api/v1/supervision/coachings", Map.of("staffNo", "S3001",
                "coaching", "谈话提醒并安排跟班学习两周", "coachedOn", today.toString(),
                "reviewOn", today.plusDays(30).toString()));
        assertThat(coached.status()).as(coached.body()).isEqualTo(201);
        String id = coached.text("id");
        assertThat(as("yz.handler", "POST", "/api/v1/supervision/coachings/" + id + "/reassignment",
                Map.of("note", "已调换")).status()).as("no reassignment before a review orders it").isEqualTo(409);

        TestApi.Answer noDeadline = as("supervisor", "POST", "/api/v1/supervision/coachings/" + id + "/review",
                Map.of("improved", false, "note", "复核期内仍多次差评"));
        assertThat(noDeadline.status()).isEqualTo(400);
        TestApi.Answer ordered = as("supervisor", "POST", "/api/v1/supervision/coachings/" + id + "/review",
                Map.of("improved", false, "note", "复核期内仍多次差评", "reassignmentDeadline", today.plusDays(15).toString()));
        assertThat(ordered.text("status")).isEqualTo("REASSIGNMENT_ORDERED");

        clock.advance(Duration.ofDays(16));
        as("admin", "POST", "/api/v1/admin/jobs/supervision-overdue/run", null);
        assertThat(as("yz.handler", "GET", "/api/v1/supervision/alerts", null).json().findValuesAsString("message"))
                .anyMatch(m -> m.contains("限期调换逾期"));

        TestApi.Answer done = as("yz.handler", "POST", "/api/v1/supervision/coachings/" + id + "/reassignment",
                Map.of("note", "已调离窗口岗位，调至后台审核岗"));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.text("status")).isEqualTo("REASSIGNED");
        assertThat(done.json().path("history").findValuesAsString("action"))
                .containsSubsequence("COACHED", "REASSIGNMENT_ORDERED", "OVERDUE", "REASSIGNED");

        JsonNode history = as("supervisor", "GET", "/api/v1/supervision/staff/S3001/history", null).json();
        assertThat(history.path("coachings").findValuesAsString("id")).contains(id);
        assertThat(as("xc.handler", "GET", "/api/v1/supervision/coachings/" + id, null).status()).isEqualTo(404);
    }

    @Test
    void aReferralIsSeenOnlyByTheOfficeAndAuditorsAndEveryViewIsAudited() {
        Ratings.Rated rated = ratings.cityHall("VERY_DISSATISFIED");
        TestApi.Answer referred = as("supervisor", "POST", "/api/v1/supervision/referrals", Map.of("evaluationId",
                rated.evaluationId(), "workOrderId", rated.workOrderId(), "inspectionBody", "市纪委监委派驻纪检监察组",
                "suspicion", "评价反映窗口人员暗示收取好处费"));
        assertThat(referred.status()).as(referred.body()).isEqualTo(201);
        String id = referred.text("id");
        assertThat(as("supervisor", "POST", "/api/v1/supervision/referrals", Map.of("evaluationId", rated.evaluationId(),
                "inspectionBody", "x", "suspicion", "y")).status()).isEqualTo(409);

        for (String rated_side : List.of("xc.handler", "s1001", "xc.hall", "city.office", "admin")) {
            assertThat(as(rated_side, "GET", "/api/v1/supervision/referrals/" + id, null).status()).as(rated_side)
                    .isEqualTo(404);
            assertThat(as(rated_side, "GET", "/api/v1/supervision/referrals", null).status()).as(rated_side)
                    .isEqualTo(404);
        }
        assertThat(as("wd.supervisor", "GET", "/api/v1/supervision/referrals/" + id, null).status())
                .as("another region's office").isEqualTo(404);
        String detail = as("xc.handler", "GET", "/api/v1/work-orders/" + rated.workOrderId(), null).body();
        assertThat(detail).doesNotContain("好处费", "纪检");

        long before = views(id);
        assertThat(as("supervisor", "GET", "/api/v1/supervision/referrals/" + id, null).json().path("suspicion")
                .asString()).contains("好处费");
        assertThat(as("auditor", "GET", "/api/v1/supervision/referrals/" + id, null).status()).isEqualTo(200);
        assertThat(views(id)).as("each read audited").isEqualTo(before + 2);
        assertThat(jdbc.sql("select count(*) from identity_audit_log where target = :t and detail like '%好处费%'")
                .param("t", "REFERRAL:" + id).query(Long.class).single()).as("the suspicion stays out of the log").isZero();

        TestApi.Answer concluded = as("supervisor", "POST", "/api/v1/supervision/referrals/" + id + "/conclusion",
                Map.of("conclusion", "经查属实，已立案"));
        assertThat(concluded.text("status")).isEqualTo("CONCLUDED");
        assertThat(as("supervisor", "POST", "/api/v1/supervision/referrals/" + id + "/conclusion",
                Map.of("conclusion", "again")).status()).isEqualTo(409);
    }

    private long views(String id) {
        return jdbc.sql("select count(*) from identity_audit_log where action = 'REFERRAL_VIEW' and target = :t")
                .param("t", "REFERRAL:" + id).query(Long.class).single();
    }

    @Test
    void aCommonProblemLeadsToAServiceGuideRevisionTrackedToDoneAndShownOnTheItem() {
        Ratings.Rated first = ratings.cityHall("DISSATISFIED");
        TestApi.Answer problem = as("supervisor", "POST", "/api/v1/problems", Map.of("title", "材料清单与实际要求不一致",
                "departmentCode", "XC-SCJG", "owner", "登记注册科", "deadline", LocalDate.now(clock).plusDays(20).toString(),
                "workOrderIds", List.of(first.workOrderId())));
        assertThat(problem.status()).as(problem.body()).isEqualTo(201);
        TestApi.Answer requested = as("supervisor", "POST", "/api/v1/supervision/guide-revisions", Map.of(
                "problemId", problem.text("id"), "request", "列明全部申请材料及样表", "dueOn",
                LocalDate.now(clock).plusDays(10).toString()));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        assertThat(requested.text("itemCode")).as("the item of the problem's bad ratings").isEqualTo("ITEM-SCJG-001");
        assertThat(requested.text("departmentCode")).isEqualTo("XC-SCJG");
        String id = requested.text("id");

        assertThat(as("supervisor", "POST", "/api/v1/supervision/guide-revisions/" + id + "/decision",
                Map.of("accepted", true)).status()).as("nothing submitted yet").isEqualTo(409);
        assertThat(as("yz.handler", "POST", "/api/v1/supervision/guide-revisions/" + id + "/submission",
                Map.of("revision", "x")).status()).as("not the owning department").isEqualTo(404);
        TestApi.Answer submitted = as("xc.handler", "POST", "/api/v1/supervision/guide-revisions/" + id + "/submission",
                Map.of("revision", "办事指南第三部分增列材料样表，删除已取消的证明"));
        assertThat(submitted.text("status")).isEqualTo("SUBMITTED");
        TestApi.Answer done = as("supervisor", "POST", "/api/v1/supervision/guide-revisions/" + id + "/decision",
                Map.of("accepted", true, "note", "已核对网上办事指南"));
        assertThat(done.text("status")).isEqualTo("DONE");

        JsonNode history = as("supervisor", "GET", "/api/v1/supervision/guide-revisions?itemCode=ITEM-SCJG-001", null).json();
        assertThat(history.findValuesAsString("id")).contains(id);
        String page = org.haochaping.support.PageClient.signedIn(baseUrl(), "supervisor", TestApi.PASSWORD)
                .get("/console/supervision/items/ITEM-SCJG-001").body();
        assertThat(page).contains("办事指南修订记录", "办事指南第三部分增列材料样表");
    }

    @Test
    void theNoticeIsComposedRedactedPreviewedAndPublishedToThePublicPages() {
        Ratings.Rated rated = ratings.confirmedAtCityHall();
        TestApi.Answer rectified = as("xc.handler", "POST", "/api/v1/work-orders/" + rated.workOrderId() + "/rectification",
                Map.of("measures", "张伟已接受培训，群众可拨打 13912345678 咨询", "rootCause", "MATERIALS"));
        assertThat(rectified.status()).as(rectified.body()).isEqualTo(200);
        String period = java.time.YearMonth.now(clock).toString();

        TestApi.Answer composed = as("supervisor", "POST", "/api/v1/supervision/notices", Map.of("period", period));
        assertThat(composed.status()).as(composed.body()).isEqualTo(201);
        String body = composed.text("body");
        assertThat(body).contains("一、总体情况", "二、突出问题", "三、典型案例", "企业设立登记");
        assertThat(body).doesNotContain("13912345678", "张伟", rated.caseNo(), "张三");
        String id = composed.text("id");
        assertThat(api.get("/api/v1/public/notices").body()).as("a draft is not public").doesNotContain(id);
        assertThat(api.get("/public/notices/" + id).status()).isEqualTo(404);

        TestApi.Answer edited = as("supervisor", "PUT", "/api/v1/supervision/notices/" + id, Map.of("title",
                composed.text("title"), "body", body + "\n\n联系人：13812345678"));
        assertThat(edited.status()).isEqualTo(200);
        TestApi.Answer refused = as("supervisor", "POST", "/api/v1/supervision/notices/" + id + "/publication", null);
        assertThat(refused.status()).as("personal data is refused").isEqualTo(400);
        as("supervisor", "PUT", "/api/v1/supervision/notices/" + id, Map.of("title", composed.text("title"), "body", body));
        assertThat(as("xc.handler", "POST", "/api/v1/supervision/notices/" + id + "/publication", null).status())
                .isEqualTo(403);
        TestApi.Answer published = as("supervisor", "POST", "/api/v1/supervision/notices/" + id + "/publication", null);
        assertThat(published.text("status")).isEqualTo("PUBLISHED");
        assertThat(as("supervisor", "PUT", "/api/v1/supervision/notices/" + id, Map.of("title", "x", "body", "y"))
                .status()).isEqualTo(409);

        TestApi.Answer page = api.get("/public/notices/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(composed.text("title"), "典型案例").doesNotContain("13912345678", "张伟");
        assertThat(api.get("/public/notices").body()).contains(composed.text("title"));
    }
}
