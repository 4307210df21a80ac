package org.haochaping.supervision;

/**
 * A staff member long at the bottom (第十五条): coached until a review date; improved, or ordered to be reassigned
 * (限期调换) by a deadline and then reassigned.
 */
public enum CoachingStatus {
    COACHING("教育帮扶中"),
    IMPROVED("已改进"),
    REASSIGNMENT_ORDERED("限期调换中"),
    REASSIGNED("已调换");

    private final String label;

    CoachingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
