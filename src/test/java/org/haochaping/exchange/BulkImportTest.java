package org.haochaping.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.PageClient;
import org.haochaping.system.Zones;
import org.junit.jupiter.api.Test;

/**
 * An administrator folds the ratings of an existing satisfaction system in (plan 二(二)): valid rows become rated
 * cases with their original time and channel, invalid rows are skipped and listed in a downloadable report, and
 * importing the same file again changes nothing.
 */
class BulkImportTest extends IntegrationTest {

    private static final String HEADER = "caseNo,itemCode,itemName,departmentCode,serviceBodyCode,windowCode,staffNo,"
            + "regionCode,channel,level,comment,ratedAt,evaluatorName,evaluatorIdType,evaluatorIdNumber,evaluatorMobile";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private String ratedAt(int daysAgo) {
        return Zones.now(clock).minusDays(daysAgo).withNano(0).format(TIME);
    }

    private long ratings(String caseNo) {
        return jdbc.sql("select count(*) from evaluation_evaluation where case_no = :c").param("c", caseNo)
                .query(Long.class).single();
    }

    private String importResult(PageClient admin, String fileName, byte[] content) {
        PageClient.Page answer = admin.upload("/console/exchange/import", "/console/exchange/import", fileName,
                content);
        assertThat(answer.status()).as(answer.body()).isEqualTo(302);
        assertThat(answer.location()).contains("/console/exchange/imports/");
        return answer.location().substring(answer.location().indexOf("/console/"));
    }

    @Test
    void validRowsAreStoredBadRowsAreReportedAndTheSameFileAgainChangesNothing() {
        String good = Cases.newCaseNo();
        String alsoGood = Cases.newCaseNo();
        String bad = Cases.newCaseNo();
        String goodRatedAt = ratedAt(40);
        String csv = HEADER + "\r\n"
                + good + ",ITEM-SCJG-001,企业设立登记,XC-SCJG,XC-HALL,XC-HALL-W01,S1001,411000,WINDOW_DEVICE,满意,"
                + "\"排队有点久，但办得快\"," + goodRatedAt + ",赵六,ID_CARD,411002199202021234,13900001111\r\n"
                + alsoGood + ",ITEM-RSJ-001,社会保障卡申领,YZ-RSJ,,,,411081,SMS,VERY_DISSATISFIED,,"
                + ratedAt(35) + ",,,,\r\n"
                + bad + ",ITEM-RSJ-001,社会保障卡申领,YZ-RSJ,,,,411081,传真,很好,,2026/13/45,,,,12345\r\n";
        byte[] file = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);
        PageClient admin = PageClient.signedIn(baseUrl(), "admin");

        PageClient.Page result = admin.get(importResult(admin, "旧系统评价.csv", file));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).contains("id=\"stored-rows\">2<").contains("id=\"failed-rows\">1<");
        assertThat(ratings(good)).isEqualTo(1);
        assertThat(ratings(bad)).isZero();
        var stored = jdbc.sql("select channel, level, submitted_at from evaluation_evaluation where case_no = :c")
                .param("c", good).query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class)}).single();
        assertThat(stored[0]).isEqualTo("WINDOW_DEVICE");
        assertThat(stored[1]).isEqualTo("SATISFIED");
        assertThat(Zones.inShanghai((OffsetDateTime) stored[2]).format(TIME)).isEqualTo(goodRatedAt);
        assertThat(jdbc.sql("select evaluator_name from evaluation_evaluation where case_no = :c").param("c", good)
                .query(String.class).single()).as("sealed, never plain").doesNotContain("赵六");

        String reportLink = result.body().replaceAll("(?s).*href=\"([^\"]*errors\\.csv)\".*", "$1");
        PageClient.Page report = admin.get(reportLink);
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.contentType()).startsWith("text/csv");
        assertThat(report.body()).contains("4," + bad + ",channel,").contains(",level,").contains(",ratedAt,")
                .contains(",evaluatorMobile,");

        PageClient.Page again = admin.get(importResult(admin, "旧系统评价.csv", file));
        assertThat(again.body()).contains("id=\"stored-rows\">0<").contains("id=\"unchanged-rows\">2<");
        assertThat(ratings(good)).isEqualTo(1);
        assertThat(ratings(alsoGood)).isEqualTo(1);
    }

    @Test
    void theFirstSheetOfAnExcelWorkbookIsImported() throws IOException {
        String caseNo = Cases.newCaseNo();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("评价");
            String[] header = HEADER.split(",");
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                head.createCell(i).setCellValue(header[i]);
            }
            Row row = sheet.createRow(1);
            String[] values = {caseNo, "ITEM-MZJ-001", "结婚登记", "WD-MZJ", "WD-HALL", "WD-HALL-W01", "S2001", "411002",
                    "PC", "BASIC", "还行", ratedAt(20)};
            for (int i = 0; i < values.length; i++) {
                row.createCell(i).setCellValue(values[i]);
            }
            workbook.write(bytes);
        }
        PageClient admin = PageClient.signedIn(baseUrl(), "admin");

        PageClient.Page result = admin.get(importResult(admin, "评价.xlsx", bytes.toByteArray()));

        assertThat(result.body()).contains("id=\"stored-rows\">1<");
        assertThat(jdbc.sql("select level from evaluation_evaluation where case_no = :c").param("c", caseNo)
                .query(String.class).single()).isEqualTo("BASIC");
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRefusedAsAWhole() {
        PageClient admin = PageClient.signedIn(baseUrl(), "admin");
        PageClient.Page answer = admin.upload("/console/exchange/import", "/console/exchange/import", "x.csv",
                "caseNo,level\r\nA1,满意\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("缺少必需的列");
    }

    @Test
    void onlyAdministratorsImportAndOnlyTheSupervisionSideReadsTheExchangePage() {
        assertThat(PageClient.signedIn(baseUrl(), "supervisor").get("/console/exchange/import").status())
                .isEqualTo(403);
        PageClient.Page page = PageClient.signedIn(baseUrl(), "supervisor").get("/console/exchange");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("死信列表").contains("对账").contains("provincial");
        assertThat(PageClient.signedIn(baseUrl(), "s1001").get("/console/exchange").status()).isEqualTo(403);
        assertThat(PageClient.signedIn(baseUrl(), "xc.handler").get("/console/exchange").status()).isEqualTo(403);
    }
}
