package org.haochaping.analytics;

/** What is ranked: the subjects of the rankings API (plan 二(四)2), and windows for the dashboards' drill-down. */
public enum RankingSubject {
    DEPARTMENT("部门", "department_code"),
    SERVICE_BODY("政务服务机构", "service_body_code"),
    STAFF("工作人员", "staff_no"),
    ITEM("政务服务事项", "item_code"),
    /** Counties and function zones (the first six digits of the region code). */
    REGION("行政区划", "substring(%s.region_code, 1, 6)"),
    WINDOW("窗口", "window_code");

    private final String label;
    private final String column;

    RankingSubject(String label, String column) {
        this.label = label;
        this.column = column;
    }

    public String label() {
        return label;
    }

    /** The SQL expression of the subject's code over a rollup table's alias. */
    String column(String alias) {
        return column.contains("%s") ? column.formatted(alias) : alias + "." + column;
    }
}
