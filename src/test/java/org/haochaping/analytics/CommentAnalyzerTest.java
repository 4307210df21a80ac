package org.haochaping.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** HanLP, offline from its jar: Chinese comments become terms and keywords, and lose their personal data. */
class CommentAnalyzerTest {

    private final CommentAnalyzer analyzer = new CommentAnalyzer();

    @Test
    void aCommentIsCutIntoMeaningfulWordsWithoutStopWordsOrNumbers() {
        Map<String, Integer> terms = analyzer.terms("窗口人员态度生硬，解释不清楚，态度很差，跑了3趟");
        assertThat(terms).containsEntry("态度", 2).containsKeys("生硬", "解释", "清楚");
        assertThat(terms.keySet()).noneMatch(t -> t.length() < 2).noneMatch(t -> t.matches(".*\\d.*"))
                .doesNotContain("，", "了", "很");
        assertThat(analyzer.terms(null)).isEmpty();
        assertThat(analyzer.terms("  ")).isEmpty();
    }

    @Test
    void keywordsOfManyCommentsNameTheCommonProblem() {
        List<String> keywords = analyzer.keywords(List.of("材料要求反复变化，材料清单不清楚", "补交材料跑了三趟",
                "窗口说材料不全，又让回去拿材料"), 5);
        assertThat(keywords).contains("材料").allSatisfy(k -> assertThat(k.length()).isGreaterThanOrEqualTo(2));
    }

    @Test
    void scrubbedCommentsKeepTheirMeaningButLoseNamesAndNumbers() {
        String scrubbed = analyzer.scrub("李主任态度生硬，王科长推诿，我的电话13812345678，身份证411002199001011234，邮箱 a.b@example.com");
        assertThat(scrubbed).contains("态度生硬", "科长推诿").doesNotContain("李主任", "王科长", "13812345678", "411002199001011234",
                "a.b@example.com");
        assertThat(scrubbed).contains("***");
        assertThat(analyzer.scrub(null)).isNull();
    }
}
