package org.haochaping.rectification;

import org.haochaping.evaluation.EvaluationSubmitted;
import org.springframework.stereotype.Component;

/** 第九条: every bad rating (不满意, 非常不满意) given by a person opens a work order for its department. */
@Component
class BadReviewPolicy {

    boolean opensWorkOrder(EvaluationSubmitted rating) {
        return rating.level().isBad() && !rating.defaulted();
    }
}
