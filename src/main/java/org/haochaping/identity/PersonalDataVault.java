package org.haochaping.identity;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.springframework.stereotype.Service;

/**
 * Seals personal data (evaluator and applicant names, ID numbers, mobiles) with SM4-CBC and indexes it with a
 * keyed SM3 hash, so a person's records can be found without decrypting (等保 level 3, 密评, 第七条). A sealed
 * value reads {@code v<keyVersion>:<base64(iv || ciphertext)>}.
 */
@Service
public class PersonalDataVault {

    private final KeySource keys;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataVault(KeySource keys) {
        this.keys = keys;
    }

    public String seal(String plain) {
        if (plain == null || plain.isEmpty()) {
            return null;
        }
        int version = keys.currentVersion();
        byte[] iv = new byte[16];
        random.nextBytes(iv);
        byte[] cipherText = run(true, keys.dataKey(version), iv, plain.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[iv.length + cipherText.length];
        System.arraycopy(iv, 0, out, 0, iv.length);
        System.arraycopy(cipherText, 0, out, iv.length, cipherText.length);
        return "v" + version + ":" + Base64.getEncoder().encodeToString(out);
    }

    public String unseal(String sealed) {
        if (sealed == null) {
            return null;
        }
        int colon = sealed.indexOf(':');
        if (!sealed.startsWith("v") || colon < 0) {
            throw new IllegalArgumentException("Not a sealed value");
        }
        int version = Integer.parseInt(sealed.substring(1, colon));
        byte[] all = Base64.getDecoder().decode(sealed.substring(colon + 1));
        byte[] iv = Arrays.copyOfRange(all, 0, 16);
        byte[] cipherText = Arrays.copyOfRange(all, 16, all.length);
        return new String(run(false, keys.dataKey(version), iv, cipherText), StandardCharsets.UTF_8);
    }

    /** The keyed SM3 index of a value (normalised: trimmed, upper case), for look-ups without decryption. */
    public String index(String plain) {
        if (plain == null || plain.isBlank()) {
            return null;
        }
        return hmacSm3(keys.indexKey(), plain.trim().toUpperCase().getBytes(StandardCharsets.UTF_8));
    }

    /** The masked form of a sealed value, the only form most viewers ever get. */
    public String masked(String sealed, PersonalField field) {
        return sealed == null ? null : field.mask(unseal(sealed));
    }

    static String hmacSm3(byte[] key, byte[] data) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    private static byte[] run(boolean encrypt, byte[] key, byte[] iv, byte[] input) {
        BufferedBlockCipher cipher = new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(new SM4Engine()),
                new PKCS7Padding());
        cipher.init(encrypt, new ParametersWithIV(new KeyParameter(key), iv));
        byte[] out = new byte[cipher.getOutputSize(input.length)];
        int length = cipher.processBytes(input, 0, input.length, out, 0);
        try {
            length += cipher.doFinal(out, length);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("Sealed value cannot be opened with its key", e);
        }
        return Arrays.copyOf(out, length);
    }
}
