package org.haochaping.exchange;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.springframework.stereotype.Component;

/**
 * How a failed push is retried (plan 二(三), 第三条: every rating reaches the provincial system). While the upstream
 * cannot be reached or fails on its side, a record is retried with exponential backoff for as long as that lasts. A
 * record the upstream refuses (a 4xx answer other than 401, 408 and 429, which say nothing about the record) counts
 * a refusal; after {@code maxClientFailures} refusals it waits in the dead-letter list for an operator.
 */
@Component
class PushRetryPolicy {

    private final ExchangeSettings.Retry retry;

    PushRetryPolicy(ExchangeSettings settings) {
        this.retry = settings.retry();
    }

    /** When to try again after the {@code attempts}-th failed attempt: initial × 2^(attempts−1), at most the maximum. */
    OffsetDateTime nextAttempt(OffsetDateTime now, int attempts) {
        Duration delay = retry.initialBackoff();
        for (int i = 1; i < attempts && delay.compareTo(retry.maxBackoff()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return now.plus(delay.compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : delay);
    }

    /** Whether an answer refuses this record (and not the sender or the moment). */
    boolean refusesRecord(int httpStatus) {
        return httpStatus >= 400 && httpStatus < 500 && httpStatus != 401 && httpStatus != 408 && httpStatus != 429;
    }

    /** Whether a record refused {@code refusals} times (this one included) goes to the dead-letter list. */
    boolean deadAfter(int refusals) {
        return refusals >= retry.maxClientFailures();
    }
}
