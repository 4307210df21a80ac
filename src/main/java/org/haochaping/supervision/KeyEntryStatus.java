package org.haochaping.supervision;

/**
 * The steps of a key supervision entry (第十五条): proposed by the bottom rule, confirmed (or dismissed) by the
 * office, the department's improvement measures submitted, closed when the office accepts the result.
 */
public enum KeyEntryStatus {
    PROPOSED("待确认"),
    CONFIRMED("待报整改措施"),
    MEASURES_SUBMITTED("整改措施落实中"),
    CLOSED("已验收销号"),
    DISMISSED("未列入");

    private final String label;

    KeyEntryStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
