package org.haochaping.integrity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Abusive language in a comment (恶意差评, 第九条): a small built-in list of insults and curses, extended by
 * {@code hcp.integrity.abusive-words}. Matching ignores spaces, punctuation and letter case, so "傻 逼" and "傻*逼"
 * are caught too.
 */
@Component
class AbusiveWords {

    static final List<String> BUILT_IN = List.of("傻逼", "傻b", "煞笔", "沙比", "他妈的", "妈的", "tmd", "操你", "草泥马",
            "尼玛", "滚蛋", "去死", "死全家", "狗东西", "狗官", "王八蛋", "混蛋", "贱人", "畜生", "废物", "脑残", "白痴",
            "垃圾东西", "不要脸", "杂种", "nmsl");

    private final List<String> words;

    AbusiveWords(IntegritySettings settings) {
        List<String> all = new ArrayList<>(BUILT_IN);
        settings.abusiveWords().stream().map(AbusiveWords::normalise).filter(w -> !w.isEmpty()).forEach(all::add);
        this.words = List.copyOf(all);
    }

    /** The first abusive word the comment contains, if any. */
    Optional<String> find(String comment) {
        if (comment == null) {
            return Optional.empty();
        }
        String text = normalise(comment);
        return words.stream().filter(text::contains).findFirst();
    }

    /** Lower case, without whitespace, punctuation and symbols. */
    static String normalise(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[\\p{Z}\\s\\p{P}\\p{S}]", "");
    }
}
