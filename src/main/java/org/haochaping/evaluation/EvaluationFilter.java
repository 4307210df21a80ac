package org.haochaping.evaluation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.haochaping.identity.RegionCodes;
import org.haochaping.system.Zones;

/** Filters of the rating list; {@code from}/{@code to} are inclusive calendar dates in Asia/Shanghai. */
record EvaluationFilter(LocalDate from, LocalDate to, String regionCode, String departmentCode, Level level,
        String caseNo, Integer page, Integer size) {

    int pageOrZero() {
        return page == null || page < 0 ? 0 : page;
    }

    int sizeOrDefault() {
        return size == null || size < 1 ? 50 : Math.min(size, 200);
    }

    String sql(String alias) {
        StringBuilder where = new StringBuilder("1 = 1");
        if (from != null) {
            where.append(" and ").append(alias).append(".submitted_at >= :f_from");
        }
        if (to != null) {
            where.append(" and ").append(alias).append(".submitted_at < :f_to");
        }
        if (regionCode != null && !regionCode.isBlank()) {
            where.append(" and ").append(alias).append(".region_code like :f_region");
        }
        if (departmentCode != null && !departmentCode.isBlank()) {
            where.append(" and ").append(alias).append(".department_code = :f_department");
        }
        if (level != null) {
            where.append(" and ").append(alias).append(".level = :f_level");
        }
        if (caseNo != null && !caseNo.isBlank()) {
            where.append(" and ").append(alias).append(".case_no = :f_case");
        }
        return where.toString();
    }

    Map<String, Object> params() {
        Map<String, Object> params = new HashMap<>();
        if (from != null) {
            params.put("f_from", from.atStartOfDay(Zones.SHANGHAI).toOffsetDateTime());
        }
        if (to != null) {
            params.put("f_to", to.plusDays(1).atStartOfDay(Zones.SHANGHAI).toOffsetDateTime());
        }
        if (regionCode != null && !regionCode.isBlank()) {
            params.put("f_region", RegionCodes.prefixOf(regionCode.trim()) + "%");
        }
        if (departmentCode != null && !departmentCode.isBlank()) {
            params.put("f_department", departmentCode.trim());
        }
        if (level != null) {
            params.put("f_level", level.name());
        }
        if (caseNo != null && !caseNo.isBlank()) {
            params.put("f_case", caseNo.trim());
        }
        return params;
    }
}
