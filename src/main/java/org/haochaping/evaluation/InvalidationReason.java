package org.haochaping.evaluation;

/** Why a rating no longer counts: kept, marked, excluded from statistics. */
public enum InvalidationReason {
    /** 恶意差评, found on verification (第九条). */
    MALICIOUS("恶意评价"),
    /** 申诉复核: the appeal was upheld (plan 二(五)). */
    APPEAL_UPHELD("申诉成立"),
    /** 刷好评 or other fraud confirmed on integrity review. */
    FRAUD_CONFIRMED("虚假评价");

    private final String label;

    InvalidationReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
