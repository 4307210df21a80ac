package org.haochaping.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LevelTest {

    @Test
    void provincialCodesRunFromVeryDissatisfiedUp() {
        assertThat(Level.VERY_DISSATISFIED.provincialCode()).isEqualTo(1);
        assertThat(Level.VERY_SATISFIED.provincialCode()).isEqualTo(5);
        assertThat(Level.fromProvincialCode(2)).isEqualTo(Level.DISSATISFIED);
    }

    @Test
    void nationalCodesRunFromVerySatisfiedDown() {
        assertThat(Level.VERY_SATISFIED.nationalCode()).isEqualTo(1);
        assertThat(Level.VERY_DISSATISFIED.nationalCode()).isEqualTo(5);
        assertThat(Level.fromNationalCode(2)).isEqualTo(Level.SATISFIED);
    }

    @Test
    void onlyTheLowestTwoLevelsAreBadReviews() {
        assertThat(Level.DISSATISFIED.isBad()).isTrue();
        assertThat(Level.VERY_DISSATISFIED.isBad()).isTrue();
        assertThat(Level.BASIC.isBad()).isFalse();
        assertThat(Level.BASIC.points()).isEqualTo(60);
    }

    @Test
    void channelsCarryTheProvincialPfCodes() {
        assertThat(Channel.PC.pf()).isEqualTo(1);
        assertThat(Channel.WINDOW_DEVICE.pf()).isEqualTo(4);
        assertThat(Channel.SMS.pf()).isEqualTo(7);
        assertThat(Channel.SYSTEM_DEFAULT.caseRatingByPerson()).isFalse();
    }
}
