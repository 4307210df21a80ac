package org.haochaping.support;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.haochaping.system.Zones;

/** Case bodies as a business system sends them, at the demo fixture's windows. */
public final class Cases {

    private Cases() {
    }

    public static String newCaseNo() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
    }

    /** A completed case at 许昌市政务服务中心 window 1 (张伟, 市场监管局), applicant 张三. */
    public static Map<String, Object> completedAtCityHall() {
        Map<String, Object> body = new HashMap<>();
        body.put("itemCode", "ITEM-SCJG-001");
        body.put("itemName", "企业设立登记");
        body.put("departmentCode", "XC-SCJG");
        body.put("serviceBodyCode", "XC-HALL");
        body.put("windowCode", "XC-HALL-W01");
        body.put("staffNo", "S1001");
        body.put("staffName", "张伟");
        body.put("regionCode", "411000");
        body.put("applicant", Map.of("type", "PERSON", "name", "张三", "idType", "ID_CARD",
                "idNumber", "411002199001011234", "mobile", "13812345678"));
        body.put("handlingForm", "WINDOW");
        body.put("caseType", "IMMEDIATE");
        body.put("status", "COMPLETED");
        OffsetDateTime completed = OffsetDateTime.now(Zones.SHANGHAI).minusHours(1).truncatedTo(ChronoUnit.SECONDS);
        body.put("acceptedAt", completed.minusMinutes(30).toString());
        body.put("completedAt", completed.toString());
        return body;
    }

    /** A completed case at 禹州市政务服务中心 (刘洋, 人社局). */
    public static Map<String, Object> completedAtYuzhou() {
        Map<String, Object> body = completedAtCityHall();
        body.put("itemCode", "ITEM-RSJ-001");
        body.put("itemName", "社会保障卡申领");
        body.put("departmentCode", "YZ-RSJ");
        body.put("serviceBodyCode", "YZ-HALL");
        body.put("windowCode", "YZ-HALL-W01");
        body.put("staffNo", "S3001");
        body.put("staffName", "刘洋");
        body.put("regionCode", "411081");
        return body;
    }
}
