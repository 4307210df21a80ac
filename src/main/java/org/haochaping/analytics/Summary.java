package org.haochaping.analytics;

import java.time.LocalDate;
import java.util.Map;

/**
 * The summary of api.md: valid total, counts per level, defaults and the rates of domain §6 as fractions from 0 to
 * 1 (null when there is nothing to divide by), with the counts behind each rate and every metric's definition.
 */
public record Summary(LocalDate from, LocalDate to, long validTotal, Map<String, Long> levels, long defaults,
        long personRatings, long completedCases, long excluded, Double satisfactionRate, Double badRate,
        Double activeRate, Double rectificationRate, Double onTimeRectificationRate, Double callbackRate,
        Rectification rectification, Double score, Map<String, String> definitions) {

    /** The counts behind the rectification rates; absent when the figures cannot be narrowed that far. */
    public record Rectification(long confirmed, long rectified, long rectifiedOnTime, long realNameBad,
            long calledBack) {
    }

    public long bad() {
        return levels.getOrDefault("DISSATISFIED", 0L) + levels.getOrDefault("VERY_DISSATISFIED", 0L);
    }
}
