package org.haochaping.supervision.internal;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the supervision module ({@code hcp.supervision.*}): the bottom rule of the key supervision list
 * (第十五条), the time given for improvement measures, the largest deduction, and how often overdue steps are checked.
 *
 * @param bottomCount      the last N of a ranking are at the bottom (at most half of those ranked)
 * @param belowScore       or a ranking score below this (null: not used)
 * @param consecutivePeriods for this many consecutive periods ending with the proposed one
 * @param minRatings       subjects with fewer valid ratings in a period are not ranked for this rule
 * @param measuresDueDays  days a confirmed subject has to submit its improvement measures
 * @param maxDeduction     the most points one deduction may take
 * @param overdueCheckInterval how often the overdue check runs
 */
@ConfigurationProperties("hcp.supervision")
public record SupervisionSettings(@DefaultValue("3") int bottomCount, BigDecimal belowScore,
        @DefaultValue("2") int consecutivePeriods, @DefaultValue("5") int minRatings,
        @DefaultValue("10") int measuresDueDays, @DefaultValue("10") BigDecimal maxDeduction,
        @DefaultValue("PT1H") Duration overdueCheckInterval) {
}
