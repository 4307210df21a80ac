package org.haochaping.rectification;

/** How a closed work order ended (domain §8): answered and resolved, unfounded (explained), or the rating invalid. */
public enum WorkOrderOutcome {
    RESOLVED("已解决"),
    UNFOUNDED("经核实不属实"),
    INVALID("评价无效");

    private final String label;

    WorkOrderOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
