package org.haochaping.rectification.internal;

/** Where an appeal stands (申诉复核, plan 二(五)). */
public enum AppealStatus {
    PENDING("待复核"),
    UPHELD("申诉成立"),
    REJECTED("申诉不成立");

    private final String label;

    AppealStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
