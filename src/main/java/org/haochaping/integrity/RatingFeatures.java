package org.haochaping.integrity;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.haochaping.casework.CaseView;
import org.haochaping.casework.SealedIdentity;
import org.haochaping.evaluation.Channel;
import org.haochaping.evaluation.Dimension;
import org.haochaping.evaluation.EvaluationView;
import org.haochaping.evaluation.Level;
import org.haochaping.evaluation.RatingOrigin;

/**
 * What the signals compare about a rating: who rated (the evaluator's keyed index, never the plain value), what
 * was rated, when, how fast after the case was finished, the comment's digest, the dimension vector, the case
 * number split into prefix and serial number, and where it came from (the keyed index of the client's address, the
 * terminal or tablet).
 */
record RatingFeatures(String evaluationId, String caseNo, String casePrefix, Long caseNumber, Level level,
        Channel channel, String regionCode, String departmentCode, String serviceBodyCode, String windowCode,
        String staffNo, String evaluatorKey, String idIndex, String mobileIndex, String comment, String commentDigest,
        String dimensionVector, OffsetDateTime submittedAt, OffsetDateTime completedAt, boolean instant,
        String addressKey, String deviceCode) {

    private static final Pattern SERIAL = Pattern.compile("^(.*?)(\\d{1,18})$");

    boolean good() {
        return level.points() >= Level.SATISFIED.points();
    }

    boolean bad() {
        return level.isBad();
    }

    static RatingFeatures of(EvaluationView e, CaseView c, RatingOrigin origin, IntegritySettings settings) {
        SealedIdentity who = e.evaluator();
        String idIndex = who == null ? null : who.idIndex();
        String mobileIndex = who == null ? null : who.mobileIndex();
        String prefix = null;
        Long number = null;
        Matcher serial = SERIAL.matcher(e.caseNo());
        if (serial.matches()) {
            prefix = serial.group(1);
            number = Long.parseLong(serial.group(2));
        }
        OffsetDateTime completedAt = c == null ? null : c.completedAt();
        boolean instant = completedAt != null && !e.submittedAt().isBefore(completedAt)
                && Duration.between(completedAt, e.submittedAt()).compareTo(settings.burst().instantAfter()) <= 0;
        return new RatingFeatures(e.id(), e.caseNo(), prefix, number, e.level(), e.channel(), e.regionCode(),
                e.departmentCode(), e.serviceBodyCode(), e.windowCode(), e.staffNo(),
                mobileIndex != null ? mobileIndex : idIndex, idIndex, mobileIndex, e.comment(),
                commentDigest(e.comment(), settings.patterns().commentMinLength()),
                dimensionVector(e.dimensions(), settings.patterns().vectorMinDimensions()), e.submittedAt(),
                completedAt, instant, origin.addressKey(), origin.deviceCode());
    }

    /** The SM3 digest of the normalised comment, for comments long enough to be telling. */
    static String commentDigest(String comment, int minLength) {
        String normalised = AbusiveWords.normalise(comment);
        return normalised.codePointCount(0, normalised.length()) < minLength ? null : Sm3.hex(normalised);
    }

    /**
     * The dimension ratings as one string, for vectors distinctive enough to compare: at least {@code minDimensions}
     * rated and not all on one level (everyone who taps "非常满意" seven times gives the same vector).
     */
    static String dimensionVector(Map<Dimension, Level> dimensions, int minDimensions) {
        if (dimensions.size() < minDimensions || dimensions.values().stream().distinct().count() < 2) {
            return null;
        }
        return Arrays.stream(Dimension.values()).map(d -> dimensions.containsKey(d) ? dimensions.get(d).name() : "-")
                .collect(Collectors.joining(","));
    }
}
