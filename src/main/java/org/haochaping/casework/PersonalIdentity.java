package org.haochaping.casework;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A person or organisation as a business system or platform reports it, in plain text, before sealing. */
public record PersonalIdentity(ApplicantType type,
        @Size(max = 50, message = "最长 50 个字符") String name,
        @Size(max = 16, message = "最长 16 个字符") String idType,
        @Size(max = 32, message = "最长 32 个字符") @Pattern(regexp = "[0-9A-Za-z]*", message = "只能包含字母和数字") String idNumber,
        @Pattern(regexp = "1[0-9]{10}", message = "不是有效的手机号") String mobile) {
}
