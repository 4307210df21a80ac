package org.haochaping.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.haochaping.casework.ApplicantType;
import org.haochaping.casework.SealedIdentity;
import org.haochaping.evaluation.Channel;
import org.haochaping.evaluation.Dimension;
import org.haochaping.evaluation.EvaluationView;
import org.haochaping.evaluation.Level;
import org.haochaping.evaluation.RatingOrigin;
import org.junit.jupiter.api.Test;

/** The rules under the signals and the ledger, without the application. */
class IntegrityRulesTest {

    private static final IntegritySettings DEFAULTS = new IntegritySettings(true, 60,
            new IntegritySettings.Burst(java.time.Duration.ofMinutes(10), 4, 10, java.time.Duration.ofSeconds(20),
                    java.time.Duration.ofSeconds(30), 4, 10),
            new IntegritySettings.Collusion(java.time.Duration.ofDays(30), 5),
            new IntegritySettings.Patterns(java.time.Duration.ofHours(1), 8, 4, 4, 5, java.time.Duration.ofMinutes(5), 4),
            new IntegritySettings.BadRatings(java.time.Duration.ofDays(30), 3, java.time.Duration.ofMinutes(1)),
            new IntegritySettings.Ledger(31), Map.of("ABUSIVE_TEXT", 45), List.of("垃圾窗口"));

    private static EvaluationView rating(Level level, String comment, boolean valid) {
        return new EvaluationView("e-1", "XC2026000123", level, Map.of(Dimension.ATTITUDE, Level.SATISFIED), List.of("EFFICIENT"),
                comment, Channel.QR, OffsetDateTime.parse("2026-11-26T09:30:00+08:00"), valid, false, false,
                "ITEM-1", "企业设立登记", "XC-SCJG", "XC-HALL", "XC-HALL-W01", "S1001", "411000",
                new SealedIdentity(ApplicantType.PERSON, "v1:x", "ID_CARD", "v1:y", "idx", "v1:z", "mobidx"), false, false);
    }

    @Test
    void sm3MatchesTheStandardsExampleAndChainsOverThePreviousHash() {
        assertThat(Sm3.hex("abc")).isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        assertThat(Sm3.chain(Sm3.GENESIS, "x")).hasSize(64).isNotEqualTo(Sm3.chain(Sm3.hex("a"), "x"));
    }

    @Test
    void anyChangeOfLevelCommentOrValidityChangesTheRatingsDigest() {
        String original = CanonicalRating.digest(rating(Level.DISSATISFIED, "态度差", true));
        assertThat(CanonicalRating.digest(rating(Level.DISSATISFIED, "态度差", true))).isEqualTo(original);
        assertThat(CanonicalRating.digest(rating(Level.SATISFIED, "态度差", true))).isNotEqualTo(original);
        assertThat(CanonicalRating.digest(rating(Level.DISSATISFIED, "态度好", true))).isNotEqualTo(original);
        assertThat(CanonicalRating.digest(rating(Level.DISSATISFIED, "态度差", false))).isNotEqualTo(original);
        assertThat(CanonicalRating.digest(rating(Level.DISSATISFIED, null, true)))
                .isNotEqualTo(CanonicalRating.digest(rating(Level.DISSATISFIED, "", true)));
        assertThat(CanonicalRating.digest(rating(Level.DISSATISFIED, "a\nlevel=VERY_SATISFIED", true)))
                .isNotEqualTo(CanonicalRating.digest(rating(Level.DISSATISFIED, "a", true)));
    }

    @Test
    void abusiveWordsAreFoundThroughSpacesPunctuationAndCaseAndTheListCanBeExtended() {
        AbusiveWords words = new AbusiveWords(DEFAULTS);
        assertThat(words.find("你们就是一群废 物！")).contains("废物");
        assertThat(words.find("傻*逼")).contains("傻逼");
        assertThat(words.find("TMD 又要跑一趟")).contains("tmd");
        assertThat(words.find("这个垃圾窗口")).contains("垃圾窗口");
        assertThat(words.find("材料要求不清楚，跑了三趟")).isEmpty();
        assertThat(words.find(null)).isEmpty();
    }

    @Test
    void onlyDistinctiveDimensionVectorsAndLongEnoughCommentsAreCompared() {
        assertThat(RatingFeatures.dimensionVector(Map.of(Dimension.ATTITUDE, Level.VERY_SATISFIED,
                Dimension.EFFICIENCY, Level.VERY_SATISFIED, Dimension.TRIPS, Level.VERY_SATISFIED,
                Dimension.MATERIALS, Level.VERY_SATISFIED), 4)).isNull();
        assertThat(RatingFeatures.dimensionVector(Map.of(Dimension.ATTITUDE, Level.VERY_SATISFIED,
                Dimension.EFFICIENCY, Level.SATISFIED), 4)).isNull();
        assertThat(RatingFeatures.dimensionVector(Map.of(Dimension.ATTITUDE, Level.VERY_SATISFIED,
                Dimension.EFFICIENCY, Level.SATISFIED, Dimension.TRIPS, Level.VERY_SATISFIED,
                Dimension.MATERIALS, Level.BASIC), 4)).isEqualTo("-,VERY_SATISFIED,BASIC,SATISFIED,VERY_SATISFIED,-,-");
        assertThat(RatingFeatures.commentDigest("很好！", 8)).isNull();
        assertThat(RatingFeatures.commentDigest("服务很好，效率很高！", 8))
                .isEqualTo(RatingFeatures.commentDigest("服务很好 效率很高", 8));
    }

    @Test
    void caseNumbersSplitIntoPrefixAndSerialAndWeightsAreConfigurable() {
        RatingFeatures f = RatingFeatures.of(rating(Level.SATISFIED, null, true), null, RatingOrigin.UNKNOWN, DEFAULTS);
        assertThat(f.casePrefix()).isEqualTo("XC");
        assertThat(f.caseNumber()).isEqualTo(2026000123L);
        assertThat(f.evaluatorKey()).isEqualTo("mobidx");
        assertThat(f.good()).isTrue();
        assertThat(DEFAULTS.weightOf(Signal.ABUSIVE_TEXT)).isEqualTo(45);
        assertThat(DEFAULTS.weightOf(Signal.STAFF_OWN_WINDOW)).isEqualTo(90);
    }
}
