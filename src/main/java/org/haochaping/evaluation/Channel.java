package org.haochaping.evaluation;

/**
 * Where a rating was given. The provincial channel code {@code pf} (1 PC … 7 SMS) is a default mapping; any other
 * target maps through its own table.
 */
public enum Channel {
    PC("网上办事大厅", 1),
    MOBILE("移动端", 2),
    QR("扫码评价", 3),
    WINDOW_DEVICE("窗口评价器", 4),
    TERMINAL("自助终端", 5),
    PHONE("电话回访", 6),
    SMS("短信", 7),
    SYSTEM_DEFAULT("系统默认", 0),
    SUPERVISION("监督查评", 0),
    PUBLIC_COMMENT("综合点评", 0);

    private final String label;
    private final int pf;

    Channel(String label, int pf) {
        this.label = label;
        this.pf = pf;
    }

    public String label() {
        return label;
    }

    public int pf() {
        return pf;
    }

    /** Whether a person gives ratings on this channel for a case (not a default, not case-free). */
    public boolean caseRatingByPerson() {
        return pf > 0;
    }
}
