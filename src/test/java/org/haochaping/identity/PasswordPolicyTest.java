package org.haochaping.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsALongMixedPassword() {
        assertThat(PasswordPolicy.check("supervisor", "Demo@2026hcp")).isNull();
    }

    @Test
    void refusesShortWeakCommonOrPersonalPasswords() {
        assertThat(PasswordPolicy.check("u1", "Ab1!")).contains("至少 10 位");
        assertThat(PasswordPolicy.check("u1", "abcdefghijkl")).contains("三类");
        assertThat(PasswordPolicy.check("u1", "Password@123")).contains("常见");
        assertThat(PasswordPolicy.check("zhangwei", "Zhangwei@2026")).contains("用户名");
    }
}
