package org.haochaping.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignedIdsTest {

    private final SignedIds ids = new SignedIds("6863702d746f6b656e2d6b65792d3230");

    @Test
    void aTokenOpensToItsId() {
        String id = ids.newId();
        String token = ids.token(id);

        assertThat(token).hasSize(SignedIds.TOKEN_LENGTH).startsWith(id);
        assertThat(ids.idOf(token)).contains(id);
    }

    @Test
    void alteredForgedAndMalformedTokensOpenToNothing() {
        String token = ids.token(ids.newId());
        char last = token.charAt(token.length() - 1);
        String altered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        String otherId = ids.newId() + token.substring(22);
        String otherKey = new SignedIds("00112233445566778899aabbccddeeff").token(token.substring(0, 22));

        assertThat(ids.idOf(altered)).isEmpty();
        assertThat(ids.idOf(otherId)).isEmpty();
        assertThat(ids.idOf(otherKey)).isEmpty();
        assertThat(ids.idOf(token.substring(1))).isEmpty();
        assertThat(ids.idOf(null)).isEmpty();
    }

    @Test
    void newIdsDoNotRepeat() {
        assertThat(ids.newId()).isNotEqualTo(ids.newId()).hasSize(22);
    }
}
