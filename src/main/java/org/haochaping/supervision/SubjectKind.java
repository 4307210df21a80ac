package org.haochaping.supervision;

/** Who is put under key supervision (第十五条): a department or a staff member. */
public enum SubjectKind {
    DEPARTMENT("部门"),
    STAFF("工作人员");

    private final String label;

    SubjectKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
