package org.haochaping.rectification;

/** The kinds of supervision of 第十一条: spot checks, archive reviews, site visits, interviews (约谈), call-backs. */
public enum SupervisionKind {
    SPOT_CHECK("抽查"),
    ARCHIVE_REVIEW("档案审查"),
    SITE_VISIT("实地检查"),
    INTERVIEW("约谈"),
    CALLBACK("电话回访");

    private final String label;

    SupervisionKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
