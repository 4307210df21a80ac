package org.haochaping.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.haochaping.support.Cases;
import org.haochaping.support.IntegrationTest;
import org.haochaping.support.PageClient;
import org.haochaping.support.TestApi;
import org.junit.jupiter.api.Test;

/** Officials export the filtered rating list for Excel; the export is audited and scoped like the list. */
class ExportTest extends IntegrationTest {

    @Test
    void filteredListExportsAsCsvWithinScopeAndIsAudited() {
        String caseNo = Cases.newCaseNo();
        api.putCase(caseNo, Cases.completedAtCityHall());
        api.signed("POST", "/api/v1/evaluations", TestApi.json(Map.of("caseNo", caseNo, "channel", "PC",
                "level", "SATISFIED", "comment", "=HYPERLINK(\"x\")")), TestApi.PLATFORM, TestApi.PLATFORM_SECRET);
        PageClient.Page csv = PageClient.signedIn(baseUrl(), "xc.handler", TestApi.PASSWORD)
                .get("/console/evaluations/export.csv?caseNo=" + caseNo);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).contains("评价时间,办件编号").contains(caseNo).contains("满意")
                .contains("\"'=HYPERLINK(\"\"x\"\")\"").doesNotContain("张三");
        assertThat(PageClient.signedIn(baseUrl(), "yz.handler", TestApi.PASSWORD)
                .get("/console/evaluations/export.csv?caseNo=" + caseNo).body()).doesNotContain(caseNo);
        assertThat(jdbc.sql("select count(*) from identity_audit_log where actor = 'xc.handler' and action = 'EXPORT'")
                .query(Long.class).single()).isPositive();
    }
}
