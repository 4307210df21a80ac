package org.haochaping.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * One-time link tokens (rating invitations, feedback links): a random id followed by its HMAC-SM3 signature, so a
 * token cannot be guessed or altered. Only the id is stored; the token can be rebuilt from it only with the key.
 */
public final class SignedIds {

    /** Characters of a token: a 22-character id and a 22-character signature, both URL-safe Base64. */
    public static final int TOKEN_LENGTH = 44;
    private static final int ID_LENGTH = 22;

    private final byte[] key;
    private final SecureRandom random = new SecureRandom();

    /** @param hexKey the signing key as hex digits (at least 16 bytes) */
    public SignedIds(String hexKey) {
        this.key = HexFormat.of().parseHex(hexKey);
    }

    /** A new random id (16 bytes). */
    public String newId() {
        byte[] id = new byte[16];
        random.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    /** The token of an id: the id followed by its signature. */
    public String token(String id) {
        return id + signature(id);
    }

    /** The id of a token whose signature is right; empty for anything forged, altered or malformed. */
    public Optional<String> idOf(String token) {
        if (token == null || token.length() != TOKEN_LENGTH) {
            return Optional.empty();
        }
        String id = token.substring(0, ID_LENGTH);
        boolean signed = MessageDigest.isEqual(signature(id).getBytes(StandardCharsets.US_ASCII),
                token.substring(ID_LENGTH).getBytes(StandardCharsets.US_ASCII));
        return signed ? Optional.of(id) : Optional.empty();
    }

    private String signature(String id) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        byte[] data = id.getBytes(StandardCharsets.US_ASCII);
        mac.update(data, 0, data.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(out, 16));
    }
}
