package org.haochaping.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.haochaping.identity.DataScope;
import org.haochaping.support.Await;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.TestApi;
import org.haochaping.system.Zones;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/** The period report and the appraisal export are Excel workbooks POI reads back, with the API's numbers. */
class ReportTest extends IntegrationTest {

    private HttpResponse<byte[]> download(String token, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static List<List<String>> rows(Sheet sheet) {
        DataFormatter format = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.getLastCellNum(); i++) {
                cells.add(row.getCell(i) == null ? "" : format.formatCellValue(row.getCell(i)));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static List<String> rowStartingWith(Sheet sheet, int column, String value) {
        return rows(sheet).stream().filter(r -> r.size() > column && r.get(column).equals(value)).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + value + " in " + sheet.getSheetName()));
    }

    @Test
    void thePeriodReportIsAWorkbookWithTheSameNumbersAsTheApi() throws Exception {
        Place p = Place.create(jdbc);
        for (int i = 0; i < 4; i++) {
            p.rated(api, p.staff1(), p.item1(), i < 3 ? "VERY_SATISFIED" : "DISSATISFIED", i == 3 ? "态度生硬" : null);
        }
        Await.until("4 ratings counted", () -> jdbc.sql("select count(*) from analytics_rating where department_code = :d")
                .param("d", p.department()).query(Long.class).single() == 4);
        LocalDate today = LocalDate.now(Zones.SHANGHAI);
        String period = today.toString().substring(0, 7);
        String token = api.login("supervisor");

        Await.until("the workbook and the API agree", () -> {
            try {
                HttpResponse<byte[]> answer = download(token, "/api/v1/reports/" + period + ".xlsx");
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
                assertThat(answer.headers().firstValue("Content-Disposition").orElse("")).contains(".xlsx");
                JsonNode summary = api.bearer(token, "GET", "/api/v1/stats/summary?from=" + today.withDayOfMonth(1)
                        + "&to=" + today.withDayOfMonth(today.lengthOfMonth()), null).json();
                try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
                    assertThat(book.getSheet("概况")).isNotNull();
                    List<String> valid = rowStartingWith(book.getSheet("概况"), 0, "有效评价数");
                    List<String> satisfaction = rowStartingWith(book.getSheet("概况"), 0, "满意率");
                    assertThat(satisfaction.get(2)).contains("有效评价数");
                    if (!valid.get(1).equals(summary.path("validTotal").asString())) {
                        return false;
                    }
                    List<String> department = rowStartingWith(book.getSheet("排名-部门"), 1, p.department());
                    assertThat(department.get(2)).isEqualTo(p.departmentName());
                    assertThat(department.get(4)).isEqualTo("80.00");
                    assertThat(department.get(5)).isEqualTo("4");
                    assertThat(book.getSheet("差评整改")).isNotNull();
                    assertThat(book.getSheet("典型案例")).isNotNull();
                    assertThat(book.getSheet("重点监督对象")).isNotNull();
                    return true;
                }
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void theAppraisalExportListsDepartmentsAndStaffWithTheirIndicators() throws Exception {
        Place p = Place.create(jdbc);
        p.rated(api, p.staff1(), p.item1(), "VERY_SATISFIED", null);
        p.rated(api, p.staff2(), p.item1(), "BASIC", null);
        Await.until("2 ratings counted", () -> jdbc.sql("select count(*) from analytics_rating where department_code = :d")
                .param("d", p.department()).query(Long.class).single() == 2);
        String period = LocalDate.now(Zones.SHANGHAI).toString().substring(0, 4);

        HttpResponse<byte[]> answer = download(api.login("supervisor"), "/api/v1/reports/" + period + "/appraisal.xlsx");
        assertThat(answer.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
            List<String> department = rowStartingWith(book.getSheet("部门考核指标"), 0, p.department());
            assertThat(department.get(1)).isEqualTo(p.departmentName());
            assertThat(department.get(2)).isEqualTo("2");
            assertThat(department.get(3)).isEqualTo("80.00");
            assertThat(department.get(6)).isEqualTo("100.0%");
            List<String> staff = rowStartingWith(book.getSheet("人员考核指标"), 0, p.staff2());
            assertThat(staff.get(2)).isEqualTo(p.departmentName());
            assertThat(staff.get(3)).isEqualTo("1");
            assertThat(staff.get(4)).isEqualTo("60.00");
        }
        assertThat(download(api.login("auditor"), "/api/v1/reports/" + period + ".xlsx").statusCode()).isEqualTo(403);
        assertThat(download(api.login("supervisor"), "/api/v1/reports/2026-13.xlsx").statusCode()).isEqualTo(400);
    }

    @Test
    void thePeriodReportCarriesTheDailyLedgerAnchorThatTheVerificationReproduces() throws Exception {
        Place p = Place.create(jdbc);
        p.rated(api, p.staff1(), p.item1(), "VERY_SATISFIED", null);
        p.rated(api, p.staff2(), p.item1(), "SATISFIED", null);
        LocalDate day = Zones.now(clock).toLocalDate();
        long lastOfDay = jdbc.sql("select max(seq) from integrity_ledger_entry where region_code = :r and recorded_on = :d")
                .param("r", p.region()).param("d", day).query(Long.class).single();
        clock.advance(java.time.Duration.ofDays(1));
        String admin = api.login("admin");
        assertThat(api.bearer(admin, "POST", "/api/v1/admin/jobs/ledger-anchor/run", null).status()).isEqualTo(200);
        String period = Period.containing(Period.Kind.MONTH, day).code();
        String supervisor = api.login("supervisor");

        HttpResponse<byte[]> answer = download(supervisor, "/api/v1/reports/" + period + ".xlsx");
        assertThat(answer.statusCode()).isEqualTo(200);
        List<String> anchor;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
            anchor = rows(book.getSheet("评价存证")).stream()
                    .filter(r -> r.size() > 4 && r.get(0).equals(p.region()) && r.get(2).equals(day.toString()))
                    .findFirst().orElseThrow(() -> new AssertionError("no anchor of " + p.region() + " on " + day));
        }
        assertThat(anchor.get(1)).isEqualTo(p.regionName());
        assertThat(anchor.get(3)).isEqualTo(String.valueOf(lastOfDay));
        String hash = anchor.get(4);
        assertThat(hash).matches("[0-9a-f]{64}").isEqualTo(jdbc.sql(
                "select hash from integrity_ledger_entry where region_code = :r and seq = :s")
                .param("r", p.region()).param("s", lastOfDay).query(String.class).single());

        JsonNode verification = api.bearer(supervisor, "GET", "/api/v1/integrity/ledger/verification?regionCode="
                + p.region(), null).json();
        assertThat(verification.path("intact").asBoolean()).as("the chain recomputed gives the same hashes").isTrue();
        assertThat(verification.path("checked").asLong()).isGreaterThanOrEqualTo(lastOfDay);

        String page = org.haochaping.support.PageClient.signedIn(baseUrl(), "supervisor", org.haochaping.support.TestApi.PASSWORD)
                .get("/console/reports/" + period).body();
        assertThat(page).contains("评价存证", p.regionName(), hash);
    }

    @Autowired
    PeriodReport report;

    private String workOrderOf(String evaluationId) {
        Await.until("work order of " + evaluationId, () -> jdbc.sql(
                "select count(*) from rectification_work_order where evaluation_id = :e").param("e", evaluationId)
                .query(Long.class).single() == 1);
        String id = jdbc.sql("select id from rectification_work_order where evaluation_id = :e")
                .param("e", evaluationId).query(String.class).single();
        TestApi.Answer confirmed = api.bearer(api.login("supervisor"), "POST", "/api/v1/work-orders/" + id
                + "/verification", Map.of("verdict", "CONFIRMED", "note", "经调取录像，情况属实"));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        return id;
    }

    @Test
    void theHandlingSectionCountsOrdersPastTheirDeadlineThatAreNotRectified() {
        Place p = Place.create(jdbc);
        LocalDate today = LocalDate.now(Zones.SHANGHAI);
        workOrderOf(p.rated(api, p.staff1(), p.item1(), "DISSATISFIED", "窗口人员态度生硬"));
        clock.advance(Duration.ofDays(16));
        workOrderOf(p.rated(api, p.staff2(), p.item1(), "VERY_DISSATISFIED", "材料要求反复变化"));

        PeriodReport.Handling handling = report.handling(StatsFilter.of(DataScope.everything(), today,
                        today.plusDays(20))).stream().filter(h -> h.departmentCode().equals(p.department()))
                .findFirst().orElseThrow();
        assertThat(handling.confirmed()).isEqualTo(2);
        assertThat(handling.rectifiedOnTime()).isZero();
        assertThat(handling.overdue()).as("the first is past its deadline, the second still within it").isEqualTo(1);
    }
}
