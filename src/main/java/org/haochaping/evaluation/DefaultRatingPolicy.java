package org.haochaping.evaluation;

import java.time.OffsetDateTime;

import org.springframework.stereotype.Component;

/**
 * 第九条: a completed case without a rating {@code defaultAfter} (7 × 24 hours) after it was generated counts as
 * 基本满意, channel {@code SYSTEM_DEFAULT}, flagged as a default and never counted as an active rating.
 */
@Component
class DefaultRatingPolicy {

    static final Level DEFAULT_LEVEL = Level.BASIC;

    private final EvaluationSettings settings;

    DefaultRatingPolicy(EvaluationSettings settings) {
        this.settings = settings;
    }

    OffsetDateTime dueAt(OffsetDateTime generatedAt) {
        return generatedAt.plus(settings.defaultAfter());
    }
}
