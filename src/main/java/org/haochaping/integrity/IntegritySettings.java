package org.haochaping.integrity;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The thresholds of every fraud signal, the score at which a rating is held for review, and the ledger's anchor
 * settings. {@code quarantine=false} scores and records signals without holding anything (observation mode).
 * {@code weights} overrides a signal's default weight (e.g. {@code hcp.integrity.weights.ABUSIVE_TEXT=40}).
 */
@ConfigurationProperties("hcp.integrity")
record IntegritySettings(
        @DefaultValue("true") boolean quarantine,
        @DefaultValue("60") int quarantineScore,
        @DefaultValue Burst burst,
        @DefaultValue Collusion collusion,
        @DefaultValue Patterns patterns,
        @DefaultValue BadRatings bad,
        @DefaultValue Ledger ledger,
        Map<String, Integer> weights,
        List<String> abusiveWords) {

    IntegritySettings {
        weights = weights == null ? Map.of() : Map.copyOf(weights);
        abusiveWords = abusiveWords == null ? List.of() : List.copyOf(abusiveWords);
    }

    /**
     * Bursts: {@code evaluatorCount} good ratings by one evaluator, {@code windowCount} for the cases of one window,
     * or {@code addressCount} from one client address (personal devices only), within {@code window}; two ratings on
     * one window tablet or self-service terminal less than {@code deviceMinInterval} apart; ratings within
     * {@code instantAfter} of the case's completion, {@code instantCount} of them at one window within {@code window}.
     */
    record Burst(@DefaultValue("10m") Duration window, @DefaultValue("4") int evaluatorCount,
            @DefaultValue("10") int windowCount, @DefaultValue("20s") Duration deviceMinInterval,
            @DefaultValue("30s") Duration instantAfter, @DefaultValue("4") int instantCount,
            @DefaultValue("10") int addressCount) {
    }

    /** Collusion: {@code sameStaffCount} good ratings by one evaluator for one staff member within {@code period}. */
    record Collusion(@DefaultValue("30d") Duration period, @DefaultValue("5") int sameStaffCount) {
    }

    /**
     * Imported or scripted patterns within {@code window}: the same comment (at least {@code commentMinLength}
     * characters) {@code commentCount} times in one department; the same dimension vector (at least
     * {@code vectorMinDimensions} dimensions, not all one level) {@code vectorCount} times in one department;
     * {@code sequentialRun} consecutive case numbers rated in order within {@code sequentialWindow}.
     */
    record Patterns(@DefaultValue("1h") Duration window, @DefaultValue("8") int commentMinLength,
            @DefaultValue("4") int commentCount, @DefaultValue("4") int vectorMinDimensions,
            @DefaultValue("5") int vectorCount, @DefaultValue("5m") Duration sequentialWindow,
            @DefaultValue("4") int sequentialRun) {
    }

    /**
     * Malicious bad ratings: one evaluator's bad ratings in {@code departmentCount} departments within
     * {@code period}; a rating dated more than {@code completionTolerance} before the case was finished.
     */
    record BadRatings(@DefaultValue("30d") Duration period, @DefaultValue("3") int departmentCount,
            @DefaultValue("1m") Duration completionTolerance) {
    }

    /** How many past days the anchor job fills in when it has not run for a while. */
    record Ledger(@DefaultValue("31") int anchorLookBackDays) {
    }

    int weightOf(Signal signal) {
        return weights.getOrDefault(signal.name(), signal.defaultWeight());
    }
}
