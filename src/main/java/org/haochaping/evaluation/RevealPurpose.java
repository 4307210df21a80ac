package org.haochaping.evaluation;

/** Why the supervision office needs an evaluator's full identity (domain §8: only by an explicit, audited request). */
enum RevealPurpose {
    CALLBACK("回访"),
    VERIFICATION("核实"),
    APPEAL_REVIEW("申诉复核");

    private final String label;

    RevealPurpose(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
