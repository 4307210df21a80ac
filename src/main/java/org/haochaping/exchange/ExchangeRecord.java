package org.haochaping.exchange;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.haochaping.system.Zones;

/**
 * One record of the exchange, named as the provincial interfaces name the fields (domain.md §5): a case
 * ({@code projectNo}, {@code taskCode} …) and, when {@code satisfaction} is present, its rating. Every value is text,
 * coded with the target's code table; times read {@code yyyy-MM-dd HH:mm:ss} in Beijing time. {@code finishDate}
 * (办结时间), {@code userPageType} (证件类型), {@code evalDimensions} (分项评价, {@code ATTITUDE:4,EFFICIENCY:5} with
 * the satisfaction codes) and {@code consentContact}/{@code consentShare} (the evaluator's recorded consents, 1 or
 * 0) are additions of this system's exchange.
 */
record ExchangeRecord(String projectNo, String taskCode, String taskName, String deptCode, String areaCode,
        String proStatus, String acceptDate, String finishDate, String promiseTime, String userName, String userProp,
        String userPageType, String certKeyGOV, String pf, String satisfaction, String evalDetail,
        String writingEvaluation, String assessTime, String assessNumber, String dataSource, String evalDimensions,
        String consentContact, String consentShare) {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Whether this record carries a rating (and not only a case). */
    boolean isRating() {
        return satisfaction != null;
    }

    /** Whether the record carries the facts needed to create or update the case. */
    boolean hasCaseFacts() {
        return taskCode != null || taskName != null || deptCode != null || areaCode != null || proStatus != null;
    }

    /** The record as field name to value, without the empty fields, in the provincial order. */
    Map<String, String> toFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        put(fields, "projectNo", projectNo);
        put(fields, "taskCode", taskCode);
        put(fields, "taskName", taskName);
        put(fields, "deptCode", deptCode);
        put(fields, "areaCode", areaCode);
        put(fields, "proStatus", proStatus);
        put(fields, "acceptDate", acceptDate);
        put(fields, "finishDate", finishDate);
        put(fields, "promiseTime", promiseTime);
        put(fields, "userName", userName);
        put(fields, "userProp", userProp);
        put(fields, "userPageType", userPageType);
        put(fields, "certKeyGOV", certKeyGOV);
        put(fields, "pf", pf);
        put(fields, "satisfaction", satisfaction);
        put(fields, "evalDetail", evalDetail);
        put(fields, "writingEvaluation", writingEvaluation);
        put(fields, "assessTime", assessTime);
        put(fields, "assessNumber", assessNumber);
        put(fields, "dataSource", dataSource);
        put(fields, "evalDimensions", evalDimensions);
        put(fields, "consentContact", consentContact);
        put(fields, "consentShare", consentShare);
        return fields;
    }

    /** Reads a record from field values (JSON members or form fields); blank values count as absent. */
    static ExchangeRecord fromFields(Map<String, String> f) {
        return new ExchangeRecord(v(f, "projectNo"), v(f, "taskCode"), v(f, "taskName"), v(f, "deptCode"),
                v(f, "areaCode"), v(f, "proStatus"), v(f, "acceptDate"), v(f, "finishDate"), v(f, "promiseTime"),
                v(f, "userName"), v(f, "userProp"), v(f, "userPageType"), v(f, "certKeyGOV"), v(f, "pf"),
                v(f, "satisfaction"), v(f, "evalDetail"), v(f, "writingEvaluation"), v(f, "assessTime"),
                v(f, "assessNumber"), v(f, "dataSource"), v(f, "evalDimensions"), v(f, "consentContact"),
                v(f, "consentShare"));
    }

    static String format(OffsetDateTime time) {
        return time == null ? null : Zones.inShanghai(time).toLocalDateTime().format(TIME);
    }

    /** Parses {@code yyyy-MM-dd HH:mm:ss} (Beijing time); null when the text is not such a time. */
    static OffsetDateTime parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.trim(), TIME).atZone(Zones.SHANGHAI).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            return null;
        }
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
