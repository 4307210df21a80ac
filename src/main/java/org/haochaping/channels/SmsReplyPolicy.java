package org.haochaping.channels;

import java.util.Optional;

import org.haochaping.evaluation.Level;

/**
 * SMS replies (domain.md §8): the invitation states the mapping 回复 1 非常满意, 2 满意, 3 基本满意, 4 不满意,
 * 5 非常不满意, and a reply of one such digit (half- or full-width, surrounding blanks and a full stop tolerated) or
 * of the level's name is that overall level. Anything else is not a rating.
 */
final class SmsReplyPolicy {

    static final String MAPPING = "回复 1 非常满意，2 满意，3 基本满意，4 不满意，5 非常不满意";

    private SmsReplyPolicy() {
    }

    static Optional<Level> read(String text) {
        if (text == null) {
            return Optional.empty();
        }
        StringBuilder normalised = new StringBuilder();
        text.strip().codePoints().forEach(cp -> normalised.appendCodePoint(cp >= '０' && cp <= '９' ? cp - '０' + '0' : cp));
        String reply = normalised.toString().replaceAll("[\\s。.!！]+$", "").strip();
        if (reply.matches("[1-5]")) {
            return Optional.of(Level.fromNationalCode(reply.charAt(0) - '0'));
        }
        for (Level level : Level.values()) {
            if (level.label().equals(reply)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
