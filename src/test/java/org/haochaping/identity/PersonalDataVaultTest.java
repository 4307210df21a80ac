package org.haochaping.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PersonalDataVaultTest {

    private final IdentitySettings settings = new IdentitySettings(
            Map.of(1, "0123456789abcdeffedcba9876543210", 2, "00112233445566778899aabbccddeeff"), 1,
            "6863702d696e6465782d6b65792d3230", Duration.ofHours(8), Duration.ofMinutes(5));
    private final PersonalDataVault vault = new PersonalDataVault(new ConfiguredKeySource(settings));

    @Test
    void sealedValueOpensAgainAndShowsNoPlainText() {
        String sealed = vault.seal("411002199001011234");
        assertThat(sealed).startsWith("v1:").doesNotContain("411002199001011234");
        assertThat(vault.unseal(sealed)).isEqualTo("411002199001011234");
    }

    @Test
    void sameValueSealsDifferentlyEachTimeButIndexesTheSame() {
        assertThat(vault.seal("13812345678")).isNotEqualTo(vault.seal("13812345678"));
        assertThat(vault.index("13812345678")).isEqualTo(vault.index(" 13812345678 ")).hasSize(64);
        assertThat(vault.index("13812345678")).isNotEqualTo(vault.index("13812345679"));
    }

    @Test
    void oldKeyVersionsStayReadableAfterRotation() {
        String sealedWithV1 = vault.seal("张三");
        PersonalDataVault rotated = new PersonalDataVault(new ConfiguredKeySource(new IdentitySettings(
                settings.dataKeys(), 2, settings.indexKey(), settings.apiTokenValidity(), settings.signatureWindow())));
        assertThat(rotated.seal("张三")).startsWith("v2:");
        assertThat(rotated.unseal(sealedWithV1)).isEqualTo("张三");
    }

    @Test
    void tamperedCipherTextIsRefused() {
        String sealed = vault.seal("张三丰");
        String tampered = sealed.substring(0, sealed.length() - 3) + (sealed.endsWith("A==") ? "B==" : "A==");
        assertThatThrownBy(() -> vault.unseal(tampered)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void masksFollowTheDomainRules() {
        assertThat(PersonalField.NAME.mask("张三")).isEqualTo("张*");
        assertThat(PersonalField.NAME.mask("欧阳娜娜")).isEqualTo("欧***");
        assertThat(PersonalField.ID_NUMBER.mask("411002199001011234")).isEqualTo("4110**********1234");
        assertThat(PersonalField.MOBILE.mask("13812345678")).isEqualTo("138****5678");
    }
}
