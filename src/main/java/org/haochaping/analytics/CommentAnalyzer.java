package org.haochaping.analytics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import com.hankcs.hanlp.seg.common.Term;

import org.springframework.stereotype.Component;

/**
 * What people say (plan 二(四)3): Chinese comments cut into words with HanLP (offline, from its jar), the words
 * that carry meaning kept as terms, TextRank keywords over many comments, and comments scrubbed of personal data
 * before anyone but the supervision office reads them in aggregate.
 */
@Component
class CommentAnalyzer {

    static final int MAX_TERM = 40;

    private static final Pattern DIGITS = Pattern.compile("[0-9０-９][0-9０-９Xx\\-\\s]{5,}");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final Pattern PLATE = Pattern.compile("[\\u4e00-\\u9fa5][A-Z][A-Z0-9]{5,6}");

    /** Meaningful words of a comment with how often each occurs: nouns, verbs and adjectives of two or more characters. */
    Map<String, Integer> terms(String comment) {
        Map<String, Integer> terms = new LinkedHashMap<>();
        if (comment == null || comment.isBlank()) {
            return terms;
        }
        for (Term term : HanLP.segment(comment)) {
            if (meaningful(term)) {
                terms.merge(term.word.toLowerCase(), 1, Integer::sum);
            }
        }
        return terms;
    }

    private static boolean meaningful(Term term) {
        String word = term.word.strip();
        String nature = term.nature == null ? "" : term.nature.toString();
        return word.codePointCount(0, word.length()) >= 2 && word.length() <= MAX_TERM
                && (nature.startsWith("n") || nature.startsWith("v") || nature.startsWith("a"))
                && !nature.startsWith("nr") && !nature.startsWith("nx")
                && !CoreStopWordDictionary.contains(word) && !word.chars().anyMatch(Character::isDigit);
    }

    /** TextRank keywords of many comments taken together (two characters or more). */
    List<String> keywords(List<String> comments, int count) {
        String text = String.join("。", comments);
        if (text.isBlank()) {
            return List.of();
        }
        return HanLP.extractKeyword(text, count * 3).stream()
                .filter(w -> w.codePointCount(0, w.length()) >= 2 && !w.chars().anyMatch(Character::isDigit))
                .filter(w -> !CoreStopWordDictionary.contains(w))
                .limit(count).toList();
    }

    /**
     * A comment fit to show without personal data: person names HanLP recognises become 某某, runs of digits
     * (mobile and ID numbers), e-mail addresses and plate numbers become ***.
     */
    String scrub(String comment) {
        if (comment == null) {
            return null;
        }
        String text = EMAIL.matcher(comment).replaceAll("***");
        text = DIGITS.matcher(text).replaceAll("***");
        text = PLATE.matcher(text).replaceAll("***");
        StringBuilder out = new StringBuilder();
        for (Term term : HanLP.segment(text)) {
            String nature = term.nature == null ? "" : term.nature.toString();
            out.append(nature.startsWith("nr") ? "某某" : term.word);
        }
        return out.toString();
    }
}
