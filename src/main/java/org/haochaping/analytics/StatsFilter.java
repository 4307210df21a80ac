package org.haochaping.analytics;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.haochaping.identity.DataScope;
import org.haochaping.identity.RegionCodes;

/**
 * Which rollup rows a figure covers: inclusive dates (Asia/Shanghai), the viewer's data scope and optional
 * narrowing by region (with everything under it), department, service body, window, staff member or item.
 */
record StatsFilter(LocalDate from, LocalDate to, DataScope scope, String regionCode, String departmentCode,
        String serviceBodyCode, String windowCode, String staffNo, String itemCode) {

    static StatsFilter of(DataScope scope, LocalDate from, LocalDate to) {
        return new StatsFilter(from, to, scope, null, null, null, null, null, null);
    }

    StatsFilter between(LocalDate newFrom, LocalDate newTo) {
        return new StatsFilter(newFrom, newTo, scope, regionCode, departmentCode, serviceBodyCode, windowCode, staffNo,
                itemCode);
    }

    StatsFilter region(String code) {
        return new StatsFilter(from, to, scope, blankToNull(code), departmentCode, serviceBodyCode, windowCode, staffNo,
                itemCode);
    }

    StatsFilter department(String code) {
        return new StatsFilter(from, to, scope, regionCode, blankToNull(code), serviceBodyCode, windowCode, staffNo,
                itemCode);
    }

    StatsFilter serviceBody(String code) {
        return new StatsFilter(from, to, scope, regionCode, departmentCode, blankToNull(code), windowCode, staffNo,
                itemCode);
    }

    StatsFilter window(String code) {
        return new StatsFilter(from, to, scope, regionCode, departmentCode, serviceBodyCode, blankToNull(code), staffNo,
                itemCode);
    }

    StatsFilter staff(String code) {
        return new StatsFilter(from, to, scope, regionCode, departmentCode, serviceBodyCode, windowCode,
                blankToNull(code), itemCode);
    }

    StatsFilter item(String code) {
        return new StatsFilter(from, to, scope, regionCode, departmentCode, serviceBodyCode, windowCode, staffNo,
                blankToNull(code));
    }

    /** The narrowing by one subject column (the same codes the rankings group by). */
    StatsFilter subject(RankingSubject subject, String code) {
        return switch (subject) {
            case DEPARTMENT -> department(code);
            case SERVICE_BODY -> serviceBody(code);
            case STAFF -> staff(code);
            case ITEM -> item(code);
            case REGION -> region(code);
            case WINDOW -> window(code);
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** An SQL condition over a rollup table's alias; its parameters are {@link #params()}. */
    String sql(String alias) {
        StringBuilder where = new StringBuilder(scope.sql(alias));
        if (from != null) {
            where.append(" and ").append(alias).append(".stat_day >= :f_from");
        }
        if (to != null) {
            where.append(" and ").append(alias).append(".stat_day <= :f_to");
        }
        if (regionCode != null) {
            where.append(" and ").append(alias).append(".region_code like :f_region");
        }
        if (departmentCode != null) {
            where.append(" and ").append(alias).append(".department_code = :f_department");
        }
        if (serviceBodyCode != null) {
            where.append(" and ").append(alias).append(".service_body_code = :f_body");
        }
        if (windowCode != null) {
            where.append(" and ").append(alias).append(".window_code = :f_window");
        }
        if (staffNo != null) {
            where.append(" and ").append(alias).append(".staff_no = :f_staff");
        }
        if (itemCode != null) {
            where.append(" and ").append(alias).append(".item_code = :f_item");
        }
        return where.toString();
    }

    Map<String, Object> params() {
        Map<String, Object> params = new HashMap<>(scope.params());
        if (from != null) {
            params.put("f_from", from);
        }
        if (to != null) {
            params.put("f_to", to);
        }
        if (regionCode != null) {
            params.put("f_region", RegionCodes.prefixOf(regionCode) + "%");
        }
        if (departmentCode != null) {
            params.put("f_department", departmentCode);
        }
        if (serviceBodyCode != null) {
            params.put("f_body", serviceBodyCode);
        }
        if (windowCode != null) {
            params.put("f_window", windowCode);
        }
        if (staffNo != null) {
            params.put("f_staff", staffNo);
        }
        if (itemCode != null) {
            params.put("f_item", itemCode);
        }
        return params;
    }
}
