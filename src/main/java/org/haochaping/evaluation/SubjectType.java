package org.haochaping.evaluation;

/** What a rating without a case is about (综合点评, 监督查评). */
public enum SubjectType {
    SERVICE_BODY("政务服务机构"),
    DEPARTMENT("部门"),
    ITEM("政务服务事项");

    private final String label;

    SubjectType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A subject chosen in a form as {@code TYPE:CODE}, the value of the one select that lists every subject. */
    public record Choice(SubjectType type, String code) {

        public static Choice parse(String value) {
            int colon = value == null ? -1 : value.indexOf(':');
            if (colon < 0) {
                throw org.haochaping.system.FieldProblem.of("subject", "请选择评价对象");
            }
            try {
                return new Choice(SubjectType.valueOf(value.substring(0, colon)), value.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw org.haochaping.system.FieldProblem.of("subject", "评价对象无效");
            }
        }
    }
}
