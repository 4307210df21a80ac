package org.haochaping.identity;

/** The roles of {@code domain.md} §2, each with a data scope. */
public enum Role {
    /** 系统管理员: accounts and the catalog, no personal data. */
    ADMIN("系统管理员"),
    /** 政务服务管理部门 (city or county supervision office). */
    SUPERVISOR("政务服务管理部门"),
    /** 部门经办人. */
    HANDLER("部门经办人"),
    /** 大厅/中心管理员. */
    HALL_MANAGER("大厅管理员"),
    /** 窗口工作人员. */
    STAFF("窗口工作人员"),
    /** 审计/纪检. */
    AUDITOR("审计员"),
    /** 监督员 (submits 监督查评). */
    INSPECTOR("监督员"),
    /** 市政府办公室. */
    CITY_OFFICE("市政府办公室");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
