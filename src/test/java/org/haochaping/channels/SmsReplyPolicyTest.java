package org.haochaping.channels;

import static org.assertj.core.api.Assertions.assertThat;

import org.haochaping.evaluation.Level;
import org.junit.jupiter.api.Test;

/** The reply mapping stated in every SMS invitation: 1 非常满意 … 5 非常不满意. */
class SmsReplyPolicyTest {

    @Test
    void digitsOneToFiveAreTheFiveLevelsInTheOrderTheInvitationStates() {
        assertThat(SmsReplyPolicy.read("1")).contains(Level.VERY_SATISFIED);
        assertThat(SmsReplyPolicy.read("2")).contains(Level.SATISFIED);
        assertThat(SmsReplyPolicy.read("3")).contains(Level.BASIC);
        assertThat(SmsReplyPolicy.read("4")).contains(Level.DISSATISFIED);
        assertThat(SmsReplyPolicy.read("5")).contains(Level.VERY_DISSATISFIED);
        assertThat(SmsReplyPolicy.MAPPING).isEqualTo("回复 1 非常满意，2 满意，3 基本满意，4 不满意，5 非常不满意");
    }

    @Test
    void fullWidthDigitsBlanksAndAFullStopAreTolerated() {
        assertThat(SmsReplyPolicy.read("５")).contains(Level.VERY_DISSATISFIED);
        assertThat(SmsReplyPolicy.read("  2。")).contains(Level.SATISFIED);
        assertThat(SmsReplyPolicy.read("满意")).contains(Level.SATISFIED);
    }

    @Test
    void anythingElseIsNoRating() {
        for (String text : new String[] {"", "0", "6", "12", "1 2", "好", "满意吧", "一"}) {
            assertThat(SmsReplyPolicy.read(text)).as(text).isEmpty();
        }
        assertThat(SmsReplyPolicy.read(null)).isEmpty();
    }
}
