package org.haochaping.evaluation;

/**
 * The five levels of 第六条. Stored by name; numeric codes differ by direction and are mapped explicitly: the
 * provincial interfaces use 1 = 非常不满意 … 5 = 非常满意, GB/T 39046 A.8 uses 1 = 非常满意 … 5 = 非常不满意.
 */
public enum Level {
    VERY_SATISFIED("非常满意", 100),
    SATISFIED("满意", 80),
    BASIC("基本满意", 60),
    DISSATISFIED("不满意", 20),
    VERY_DISSATISFIED("非常不满意", 0);

    private final String label;
    private final int points;

    Level(String label, int points) {
        this.label = label;
        this.points = points;
    }

    public String label() {
        return label;
    }

    /** Points for scores (domain §8): 100, 80, 60, 20, 0. */
    public int points() {
        return points;
    }

    /** 差评: 不满意 and 非常不满意. */
    public boolean isBad() {
        return this == DISSATISFIED || this == VERY_DISSATISFIED;
    }

    /** Provincial interface code (satisfaction): 1 非常不满意 … 5 非常满意. */
    public int provincialCode() {
        return 5 - ordinal();
    }

    /** GB/T 39046 A.8 code: 1 非常满意 … 5 非常不满意. */
    public int nationalCode() {
        return ordinal() + 1;
    }

    public static Level fromProvincialCode(int code) {
        if (code < 1 || code > 5) {
            throw new IllegalArgumentException("satisfaction code out of range: " + code);
        }
        return values()[5 - code];
    }

    public static Level fromNationalCode(int code) {
        if (code < 1 || code > 5) {
            throw new IllegalArgumentException("satisfaction code out of range: " + code);
        }
        return values()[code - 1];
    }
}
