package org.haochaping.exchange;

/** What an exchanged record is about: a case, a rating of it, or the rectification of a bad rating. */
enum RecordKind {
    CASE("办件"), RATING("评价"), RECTIFICATION("整改结果");

    private final String label;

    RecordKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
