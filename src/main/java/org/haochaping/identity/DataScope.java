package org.haochaping.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a user may see, as one SQL condition over the columns every fact row carries ({@code region_code},
 * {@code department_code}, {@code service_body_code}, {@code staff_no}). The one place scope rules live.
 */
public record DataScope(String regionPrefix, String departmentCode, String serviceBodyCode, String staffNo,
        boolean nothing) {

    static DataScope of(CurrentUser user) {
        return switch (user.role()) {
            case ADMIN, CITY_OFFICE -> new DataScope(user.regionCode() == null ? "" : RegionCodes.prefixOf(user.regionCode()),
                    null, null, null, false);
            case SUPERVISOR -> new DataScope(RegionCodes.prefixOf(user.regionCode()), null, null, null, false);
            case HANDLER -> new DataScope(null, user.departmentCode(), null, null, false);
            case HALL_MANAGER -> new DataScope(null, null, user.serviceBodyCode(), null, false);
            case STAFF -> new DataScope(null, null, null, user.staffNo(), false);
            case AUDITOR, INSPECTOR -> new DataScope(null, null, null, null, true);
        };
    }

    /** Everything, for system work that has no user. */
    public static DataScope everything() {
        return new DataScope("", null, null, null, false);
    }

    /** An SQL condition over the table alias, with named parameters prefixed {@code scope_}. */
    public String sql(String alias) {
        if (nothing) {
            return "1 = 0";
        }
        List<String> parts = new java.util.ArrayList<>();
        if (regionPrefix != null && !regionPrefix.isEmpty()) {
            parts.add(alias + ".region_code like :scope_region");
        }
        if (departmentCode != null) {
            parts.add(alias + ".department_code = :scope_department");
        }
        if (serviceBodyCode != null) {
            parts.add(alias + ".service_body_code = :scope_body");
        }
        if (staffNo != null) {
            parts.add(alias + ".staff_no = :scope_staff");
        }
        return parts.isEmpty() ? "1 = 1" : "(" + String.join(" and ", parts) + ")";
    }

    public Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        if (regionPrefix != null && !regionPrefix.isEmpty()) {
            params.put("scope_region", regionPrefix + "%");
        }
        if (departmentCode != null) {
            params.put("scope_department", departmentCode);
        }
        if (serviceBodyCode != null) {
            params.put("scope_body", serviceBodyCode);
        }
        if (staffNo != null) {
            params.put("scope_staff", staffNo);
        }
        return params;
    }

    /** Whether a single fact row lies inside the scope. */
    public boolean covers(String regionCode, String department, String serviceBody, String staff) {
        if (nothing) {
            return false;
        }
        return (regionPrefix == null || regionPrefix.isEmpty() || (regionCode != null && regionCode.startsWith(regionPrefix)))
                && (departmentCode == null || departmentCode.equals(department))
                && (serviceBodyCode == null || serviceBodyCode.equals(serviceBody))
                && (staffNo == null || staffNo.equals(staff));
    }
}
