package org.haochaping.rectification.internal;

import org.haochaping.evaluation.Level;
import org.springframework.stereotype.Component;

/** 第九条: every bad rating (不满意, 非常不满意) given by a person opens a work order for its department. */
@Component
class BadReviewPolicy {

    boolean opensWorkOrder(Level level, boolean defaulted) {
        return level.isBad() && !defaulted;
    }
}
