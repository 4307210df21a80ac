package org.haochaping.analytics;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.haochaping.evaluation.Level;

/**
 * The metrics of domain §6, each defined once, with the definition shown beside every number (dashboard, API,
 * Excel and public page). Rates are fractions from 0 to 1, or null when there is nothing to divide by.
 */
public final class Metrics {

    /** A named metric with the sentence that defines it. */
    public enum Metric {
        VALID_TOTAL("validTotal", "有效评价数", "评价时间在统计期内、既未被认定无效也未在隔离审查中的评价数，含系统默认评价"),
        DEFAULTS("defaults", "默认评价数", "办结 7 日内未评价、由系统默认为\"基本满意\"的评价数（第九条），计入有效评价数和满意率，不计入主动评价率"),
        SATISFACTION_RATE("satisfactionRate", "满意率", "（非常满意 + 满意 + 基本满意）÷ 有效评价数"),
        BAD_RATE("badRate", "差评率", "（不满意 + 非常不满意）÷ 有效评价数"),
        ACTIVE_RATE("activeRate", "主动评价率", "统计期内办结的办件中，群众主动给出有效评价的件数（不含系统默认评价）÷ 统计期内办结的办件数"),
        RECTIFICATION_RATE("rectificationRate", "差评整改率", "已整改的确认差评 ÷ 确认差评（按差评时间归期）"),
        ON_TIME_RECTIFICATION_RATE("onTimeRectificationRate", "按期整改率", "在整改期限内整改完毕的确认差评 ÷ 确认差评"),
        CALLBACK_RATE("callbackRate", "实名差评回访率", "已回访的实名差评 ÷ 实名差评（目标 100%）"),
        SCORE("score", "得分", "有效评价的平均分：非常满意 100、满意 80、基本满意 60、不满意 20、非常不满意 0"),
        RANKING_SCORE("rankingScore", "排名分", "（n × 得分 + m × C）÷（n + m）：n 为有效评价数，C 为同批排名对象全部有效评价的平均分，m 为收缩系数；样本越少越接近平均分，避免少量评价凭运气排前"),
        RATING_RATE("ratingRate", "评价率", "该对象统计期内办结的办件中群众主动评价的件数 ÷ 其办结件数（即按对象计的主动评价率）");

        private final String key;
        private final String label;
        private final String definition;

        Metric(String key, String label, String definition) {
            this.key = key;
            this.label = label;
            this.definition = definition;
        }

        /** The JSON field name. */
        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        public String definition() {
            return definition;
        }
    }

    private Metrics() {
    }

    /** Every metric's definition by JSON field name, for answers that carry numbers. */
    public static Map<String, String> definitions() {
        Map<String, String> definitions = new LinkedHashMap<>();
        for (Metric m : Metric.values()) {
            definitions.put(m.key(), m.label() + "：" + m.definition());
        }
        return definitions;
    }

    /** part ÷ whole, or null when whole is 0. */
    public static Double rate(long part, long whole) {
        return whole <= 0 ? null : (double) part / whole;
    }

    /** Counts of valid ratings per level. */
    public record LevelCounts(Map<Level, Long> counts) {

        public LevelCounts {
            Map<Level, Long> all = new EnumMap<>(Level.class);
            for (Level l : Level.values()) {
                all.put(l, counts == null ? 0L : counts.getOrDefault(l, 0L));
            }
            counts = Map.copyOf(all);
        }

        public static LevelCounts none() {
            return new LevelCounts(Map.of());
        }

        public long of(Level level) {
            return counts.get(level);
        }

        public long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }

        /** 非常满意 + 满意 + 基本满意. */
        public long satisfied() {
            return of(Level.VERY_SATISFIED) + of(Level.SATISFIED) + of(Level.BASIC);
        }

        /** 不满意 + 非常不满意. */
        public long bad() {
            return of(Level.DISSATISFIED) + of(Level.VERY_DISSATISFIED);
        }

        public LevelCounts plus(LevelCounts other) {
            Map<Level, Long> sum = new EnumMap<>(Level.class);
            for (Level l : Level.values()) {
                sum.put(l, of(l) + other.of(l));
            }
            return new LevelCounts(sum);
        }

        /** The counts keyed by level name, in the order of the levels. */
        public Map<String, Long> byName() {
            Map<String, Long> named = new LinkedHashMap<>();
            for (Level l : Level.values()) {
                named.put(l.name(), of(l));
            }
            return named;
        }

        /** Sum of points over all ratings (for means that pool several subjects). */
        public double points(Points points) {
            double sum = 0;
            for (Level l : Level.values()) {
                sum += (double) of(l) * points.of(l);
            }
            return sum;
        }
    }

    public static Double satisfactionRate(LevelCounts c) {
        return rate(c.satisfied(), c.total());
    }

    public static Double badRate(LevelCounts c) {
        return rate(c.bad(), c.total());
    }

    /** Completed cases a person rated (defaults excluded) over completed cases. */
    public static Double activeRate(long personRatings, long completedCases) {
        return rate(personRatings, completedCases);
    }

    /** The mean points of the ratings, or null without ratings. */
    public static Double score(LevelCounts c, Points points) {
        long n = c.total();
        return n == 0 ? null : c.points(points) / n;
    }

    /**
     * The ranking score of domain §8: {@code (n·mean + m·C) / (n + m)}; a subject with few ratings stays near the
     * mean {@code C} of the subjects ranked together.
     */
    public static double rankingScore(long n, double mean, double overallMean, double m) {
        if (n + m <= 0) {
            return overallMean;
        }
        return (n * mean + m * overallMean) / (n + m);
    }

    /** Points per level (domain §8: 100, 80, 60, 20, 0), configurable by {@code hcp.analytics.points.*}. */
    public record Points(Map<Level, Integer> values) {

        public static Points standard() {
            Map<Level, Integer> values = new EnumMap<>(Level.class);
            for (Level l : Level.values()) {
                values.put(l, l.points());
            }
            return new Points(values);
        }

        public int of(Level level) {
            Integer v = values.get(level);
            return v == null ? level.points() : v;
        }
    }
}
