package org.haochaping.rectification;

/** Where a work order stands (domain §8, "Work-order states"). */
public enum WorkOrderStatus {
    PENDING_VERIFICATION("待核实"),
    RECTIFYING("整改中"),
    EXTENSION_REQUESTED("申请延期"),
    RECTIFIED("已整改"),
    FEEDBACK_GIVEN("已反馈"),
    CLOSED("已办结");

    private final String label;

    WorkOrderStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
