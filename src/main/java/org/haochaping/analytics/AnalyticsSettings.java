package org.haochaping.analytics;

import java.util.Map;

import org.haochaping.evaluation.Level;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of statistics and disclosure.
 *
 * @param shrinkageWeight       m of the ranking score (domain §8): how many ratings at the mean a subject is
 *                              assumed to have before its own
 * @param points                level points overriding 100/80/60/20/0, e.g. {@code hcp.analytics.points.BASIC=60}
 * @param publicMinRatings      subjects with fewer valid ratings are shown to the public as "样本不足"
 * @param bottomShare           the share of ranked subjects that counts as "at the bottom" (at least one)
 * @param bottomPeriods         consecutive periods at the bottom that put a subject on the key-supervision list
 * @param reassignAfter         consecutive periods at the bottom after which a staff member is flagged (第十五条)
 * @param historyPeriods        how many periods the key-supervision list looks back
 * @param supervisionMinRatings subjects with fewer ratings in a period are not ranked for supervision
 * @param clusterMinBad         bad ratings an item or department needs before it counts as a cluster (第十二条)
 * @param clusterFactor         how many times the overall bad rate a cluster's bad rate must reach
 */
@ConfigurationProperties("hcp.analytics")
record AnalyticsSettings(@DefaultValue("30") double shrinkageWeight, Map<Level, Integer> points,
        @DefaultValue("10") int publicMinRatings, @DefaultValue("0.1") double bottomShare,
        @DefaultValue("2") int bottomPeriods, @DefaultValue("3") int reassignAfter,
        @DefaultValue("6") int historyPeriods, @DefaultValue("5") int supervisionMinRatings,
        @DefaultValue("3") int clusterMinBad, @DefaultValue("2.0") double clusterFactor) {

    Metrics.Points levelPoints() {
        Metrics.Points standard = Metrics.Points.standard();
        if (points == null || points.isEmpty()) {
            return standard;
        }
        Map<Level, Integer> merged = new java.util.EnumMap<>(standard.values());
        merged.putAll(points);
        return new Metrics.Points(merged);
    }
}
