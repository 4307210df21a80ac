package org.haochaping.casework;

import org.haochaping.identity.PersonalDataVault;
import org.haochaping.identity.PersonalField;

/**
 * A person's identity as stored: name, ID number and mobile sealed with SM4, with keyed SM3 indexes of the ID
 * number and mobile for look-ups. Never printed raw.
 */
public record SealedIdentity(ApplicantType type, String name, String idType, String idNumber, String idIndex,
        String mobile, String mobileIndex) {

    public static SealedIdentity seal(PersonalIdentity plain, PersonalDataVault vault) {
        if (plain == null) {
            return null;
        }
        return new SealedIdentity(plain.type() == null ? ApplicantType.PERSON : plain.type(), vault.seal(plain.name()),
                plain.idType(), vault.seal(plain.idNumber()), vault.index(plain.idNumber()), vault.seal(plain.mobile()),
                vault.index(plain.mobile()));
    }

    /** The masked form (张*, 4110**********1234, 138****5678). */
    public MaskedIdentity masked(PersonalDataVault vault) {
        return new MaskedIdentity(type, vault.masked(name, PersonalField.NAME), idType,
                vault.masked(idNumber, PersonalField.ID_NUMBER), vault.masked(mobile, PersonalField.MOBILE));
    }

    public boolean realName() {
        return name != null && (idNumber != null || mobile != null);
    }

    /** What a viewer with the right to see identity gets by default. */
    public record MaskedIdentity(ApplicantType type, String name, String idType, String idNumber, String mobile) {
    }
}
