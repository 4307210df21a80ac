package org.haochaping.evaluation;

/** The seven rated aspects of 第二条. */
public enum Dimension {
    COMMITMENT("承诺履行"),
    ATTITUDE("服务态度"),
    MATERIALS("申请材料"),
    EFFICIENCY("办事效率"),
    TRIPS("跑趟次数"),
    MECHANISM("服务机制"),
    INTEGRITY("勤政廉洁");

    private final String label;

    Dimension(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
