package org.haochaping.rectification;

/**
 * The supervision office's finding on a bad rating (第九条): the problem is real and must be rectified, the
 * complaint is unfounded (explained to the evaluator, the rating stays valid), or the rating is malicious (invalid).
 */
public enum Verdict {
    CONFIRMED("属实，需整改"),
    UNFOUNDED("不属实"),
    MALICIOUS("恶意差评");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
