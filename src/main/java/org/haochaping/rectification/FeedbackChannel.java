package org.haochaping.rectification;

/** How the rectification result reaches the evaluator (第十条): online user centre, SMS, the city app, by phone. */
public enum FeedbackChannel {
    ONLINE("网上用户中心"),
    SMS("短信"),
    APP("i许昌"),
    PHONE("电话");

    private final String label;

    FeedbackChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
