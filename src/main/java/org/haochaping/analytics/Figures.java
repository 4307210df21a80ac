package org.haochaping.analytics;

import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;

import org.haochaping.evaluation.Level;
import org.springframework.stereotype.Component;

/**
 * Numbers as pages and workbooks show them, each beside its definition: percentages with one decimal, scores with
 * two, "—" where there is nothing to divide by. Templates reach it as {@code @analyticsFigures}.
 */
@Component("analyticsFigures")
class Figures {

    /** One number with its label and the sentence that defines it. */
    record Card(String id, String label, String value, String definition) {
    }

    static String percent(Double rate) {
        return rate == null ? "—" : new DecimalFormat("0.0").format(rate * 100) + "%";
    }

    static String score(Double score) {
        return score == null ? "—" : new DecimalFormat("0.00").format(score);
    }

    static String count(long n) {
        return new DecimalFormat("#,##0").format(n);
    }

    public String pct(Double rate) {
        return percent(rate);
    }

    public String num(Double score) {
        return score(score);
    }

    public String cnt(Long n) {
        return n == null ? "—" : count(n);
    }

    public String levelLabel(String level) {
        try {
            return Level.valueOf(level).label();
        } catch (IllegalArgumentException | NullPointerException e) {
            return level;
        }
    }

    /** The summary's numbers, each with its definition (domain §6). */
    static List<Card> cards(Summary s) {
        List<Card> cards = new ArrayList<>();
        cards.add(card(Metrics.Metric.VALID_TOTAL, count(s.validTotal())));
        cards.add(card(Metrics.Metric.SATISFACTION_RATE, percent(s.satisfactionRate())));
        cards.add(card(Metrics.Metric.BAD_RATE, percent(s.badRate())));
        cards.add(card(Metrics.Metric.ACTIVE_RATE, percent(s.activeRate())));
        cards.add(card(Metrics.Metric.DEFAULTS, count(s.defaults())));
        cards.add(card(Metrics.Metric.SCORE, score(s.score())));
        cards.add(card(Metrics.Metric.RECTIFICATION_RATE, percent(s.rectificationRate())));
        cards.add(card(Metrics.Metric.ON_TIME_RECTIFICATION_RATE, percent(s.onTimeRectificationRate())));
        cards.add(card(Metrics.Metric.CALLBACK_RATE, percent(s.callbackRate())));
        return cards;
    }

    static Card card(Metrics.Metric metric, String value) {
        return new Card(metric.key(), metric.label(), value, metric.definition());
    }
}
