package org.haochaping.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import org.haochaping.supervision.internal.Redaction;
import org.junit.jupiter.api.Test;

/** Plan 二(三), 第十三条: a public notice carries no personal data. */
class RedactionTest {

    @Test
    void idNumbersPhonesAndMailAreRemoved() {
        String text = "群众李四（411002199001011234，电话 13812345678，座机 0374-1234567，li@example.com）反映";
        String redacted = Redaction.redact(text);
        assertThat(redacted).doesNotContain("411002199001011234", "13812345678", "0374-1234567", "li@example.com")
                .contains("[证件号已隐去]", "[电话已隐去]", "[邮箱已隐去]");
        assertThat(Redaction.carriesPersonalData(text)).isTrue();
        assertThat(Redaction.carriesPersonalData(redacted)).isFalse();
    }

    @Test
    void ordinaryFiguresAreKept() {
        String text = "2026年11月收到差评 12 件，整改期限 15 日，事项编码 ITEM-SCJG-001。";
        assertThat(Redaction.redact(text)).isEqualTo(text);
        assertThat(Redaction.carriesPersonalData(text)).isFalse();
    }
}
