package org.haochaping.integrity;

/**
 * The fraud signals (plan 二(五): 严防刷好评、恶意差评; the national rules forbid forcing or interfering with a
 * rating). Each has a weight; a rating's risk score is the sum of the weights of its distinct signals, at most 100.
 * One weak signal alone never reaches the quarantine score; collusion, abuse and impossible dates do.
 */
enum Signal {
    EVALUATOR_BURST("同一评价人短时间内集中好评", 40),
    WINDOW_BURST("同一窗口短时间内集中好评", 40),
    ADDRESS_BURST("同一网络地址短时间内集中好评", 40),
    DEVICE_TOO_FAST("评价器或自助终端连续评价间隔短于常人操作", 40),
    INSTANT_RATINGS("办结后数秒即评且成批出现", 40),
    EVALUATOR_IS_STAFF("评价人与本部门工作人员身份一致", 70),
    STAFF_OWN_WINDOW("工作人员评价本窗口办件", 90),
    SAME_STAFF_REPEATED("同一评价人反复好评同一工作人员", 40),
    IDENTICAL_COMMENTS("评价内容雷同", 40),
    IDENTICAL_DIMENSIONS("分项评价完全相同且成批出现", 30),
    SEQUENTIAL_CASES("连号办件依次评价", 40),
    SCATTERED_BAD("同一评价人在多个部门集中差评", 40),
    ABUSIVE_TEXT("评价内容含辱骂性言语", 60),
    RATED_BEFORE_COMPLETION("评价时间早于办结时间", 60);

    private final String label;
    private final int defaultWeight;

    Signal(String label, int defaultWeight) {
        this.label = label;
        this.defaultWeight = defaultWeight;
    }

    String label() {
        return label;
    }

    int defaultWeight() {
        return defaultWeight;
    }

    static Signal parse(String name) {
        try {
            return valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
