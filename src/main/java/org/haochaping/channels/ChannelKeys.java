package org.haochaping.channels;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.springframework.stereotype.Component;

/**
 * Keyed HMAC-SM3 hashes of short secrets that must not be stored as they are (6-digit SMS codes, device cookies),
 * so that a database dump does not let anyone try the million possible codes offline; and random secrets.
 */
@Component
class ChannelKeys {

    private final byte[] key;
    private final SecureRandom random = new SecureRandom();

    ChannelKeys(ChannelSettings settings) {
        this.key = HexFormat.of().parseHex(settings.tokenKey());
    }

    /** The hash of a value for one purpose (the purpose keeps hashes of different things apart). */
    String hash(String purpose, String value) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        byte[] data = (purpose + "\n" + value).getBytes(StandardCharsets.UTF_8);
        mac.update(data, 0, data.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    /** A random, URL-safe secret of the given number of bytes. */
    String randomSecret(int bytes) {
        byte[] secret = new byte[bytes];
        random.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** A random 6-digit code, leading zeros kept. */
    String sixDigits() {
        return String.format("%06d", random.nextInt(1_000_000));
    }
}
