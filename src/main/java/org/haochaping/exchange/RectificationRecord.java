package org.haochaping.exchange;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rectification result of a bad rating as it goes up (第十条: rectification results go to the provincial
 * platform), in the style of the provincial field names: the case ({@code projectNo}) and the rating it answers
 * ({@code assessNumber}); {@code rectifyStatus} {@code RECTIFIED} (整改完成: {@code rootCause}, {@code rectifyMeasures},
 * {@code rectifyTime}, {@code rectifyOnTime} 1 or 0) or {@code CLOSED} (办结: {@code rectifyResult} and
 * {@code closeTime}); root causes and results are the codes of domain.md §8 ({@code PROCESS} …, {@code RESOLVED} …).
 * The province has published no interface for these results, so the field names are this system's, in its style.
 */
record RectificationRecord(String projectNo, String assessNumber, String rectifyStatus, String rootCause,
        String rectifyMeasures, String rectifyTime, String rectifyOnTime, String rectifyResult, String closeTime,
        String deptCode, String areaCode, String dataSource) {

    static final String RECTIFIED = "RECTIFIED";
    static final String CLOSED = "CLOSED";

    /** Whether these fields are a rectification result (and not a case or a rating). */
    static boolean isRectification(Map<String, String> fields) {
        String status = fields.get("rectifyStatus");
        return status != null && !status.isBlank();
    }

    /** When the result happened: rectified, or closed. */
    OffsetDateTime happenedAt() {
        return ExchangeRecord.parse(RECTIFIED.equals(rectifyStatus) ? rectifyTime : closeTime);
    }

    RectificationRecord at(String deptCode, String areaCode, String dataSource) {
        return new RectificationRecord(projectNo, assessNumber, rectifyStatus, rootCause, rectifyMeasures, rectifyTime,
                rectifyOnTime, rectifyResult, closeTime, deptCode, areaCode, dataSource);
    }

    Map<String, String> toFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "projectNo", projectNo);
        put(fields, "assessNumber", assessNumber);
        put(fields, "rectifyStatus", rectifyStatus);
        put(fields, "rootCause", rootCause);
        put(fields, "rectifyMeasures", rectifyMeasures);
        put(fields, "rectifyTime", rectifyTime);
        put(fields, "rectifyOnTime", rectifyOnTime);
        put(fields, "rectifyResult", rectifyResult);
        put(fields, "closeTime", closeTime);
        put(fields, "deptCode", deptCode);
        put(fields, "areaCode", areaCode);
        put(fields, "dataSource", dataSource);
        return fields;
    }

    /** Reads a result from field values (JSON members or form fields); blank values count as absent. */
    static RectificationRecord fromFields(Map<String, String> f) {
        return new RectificationRecord(v(f, "projectNo"), v(f, "assessNumber"), v(f, "rectifyStatus"),
                v(f, "rootCause"), v(f, "rectifyMeasures"), v(f, "rectifyTime"), v(f, "rectifyOnTime"),
                v(f, "rectifyResult"), v(f, "closeTime"), v(f, "deptCode"), v(f, "areaCode"), v(f, "dataSource"));
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    private static String v(Map<String, String> fields, String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
