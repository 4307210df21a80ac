package org.haochaping.rectification;

/**
 * The counts behind the rectification metrics of domain §6: 差评整改率 = rectified / confirmed, 按期整改率 =
 * rectifiedOnTime / confirmed, 实名差评回访率 = calledBack / realNameBad.
 */
public record RectificationFigures(long confirmed, long rectified, long rectifiedOnTime, long realNameBad,
        long calledBack) {

    public Double rectificationRate() {
        return rate(rectified, confirmed);
    }

    public Double onTimeRectificationRate() {
        return rate(rectifiedOnTime, confirmed);
    }

    public Double callbackRate() {
        return rate(calledBack, realNameBad);
    }

    /** A fraction from 0 to 1, or null when there is nothing to divide by. */
    static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
