package org.haochaping.rectification.internal;

import java.util.HashMap;
import java.util.Map;

import org.haochaping.rectification.WorkOrderStatus;

/**
 * The filters of {@code GET /api/v1/work-orders} and the console list: status, department, overdue, case number,
 * page (from 0) and size (at most 200).
 */
public record WorkOrderFilter(WorkOrderStatus status, String departmentCode, Boolean overdue, String caseNo,
        Integer page, Integer size) {

    static final String OVERDUE = "w.overdue_at is not null and w.status in ('RECTIFYING', 'EXTENSION_REQUESTED')";

    public int pageOrZero() {
        return page == null || page < 0 ? 0 : Math.min(page, 100_000);
    }

    public int sizeOrDefault() {
        return size == null || size < 1 ? 50 : Math.min(size, 200);
    }

    String sql() {
        StringBuilder where = new StringBuilder("1 = 1");
        if (status != null) {
            where.append(" and w.status = :f_status");
        }
        if (departmentCode != null && !departmentCode.isBlank()) {
            where.append(" and w.department_code = :f_department");
        }
        if (Boolean.TRUE.equals(overdue)) {
            where.append(" and ").append(OVERDUE);
        } else if (Boolean.FALSE.equals(overdue)) {
            where.append(" and not (").append(OVERDUE).append(")");
        }
        if (caseNo != null && !caseNo.isBlank()) {
            where.append(" and w.case_no = :f_case");
        }
        return where.toString();
    }

    Map<String, Object> params() {
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            params.put("f_status", status.name());
        }
        if (departmentCode != null && !departmentCode.isBlank()) {
            params.put("f_department", departmentCode.strip());
        }
        if (caseNo != null && !caseNo.isBlank()) {
            params.put("f_case", caseNo.strip());
        }
        return params;
    }

    /** The same filter on another page, for the console's pager. */
    public WorkOrderFilter onPage(int other) {
        return new WorkOrderFilter(status, departmentCode, overdue, caseNo, other, size);
    }
}
