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
    /** A surname followed by a title or form of address (王科长, 李师傅), which HanLP does not always see as a name. */
    private static final Pattern TITLED = Pattern.compile("[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝](?:科长|主任|局长|处长|所长|站长|队长|经理|老师|师傅|先生|女士|小姐|同志|大姐|大哥|阿姨|书记|干部|警官|医生|工作人员)");
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
     * A comment fit to show without personal data: person names HanLP recognises become 某某, a surname before a
     * title (王科长) becomes 某科长, runs of digits (mobile and ID numbers), e-mail addresses and plate numbers
     * become ***.
     */
    String scrub(String comment) {
        if (comment == null) {
            return null;
        }
        String text = EMAIL.matcher(comment).replaceAll("***");
        text = DIGITS.matcher(text).replaceAll("***");
        text = PLATE.matcher(text).replaceAll("***");
        text = TITLED.matcher(text).replaceAll(m -> "某" + m.group().substring(1));
        StringBuilder out = new StringBuilder();
        for (Term term : HanLP.segment(text)) {
            String nature = term.nature == null ? "" : term.nature.toString();
            out.append(nature.startsWith("nr") ? "某某" : term.word);
        }
        return out.toString();
    }
}
