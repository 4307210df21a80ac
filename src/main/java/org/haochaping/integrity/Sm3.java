package org.haochaping.integrity;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;

/** SM3 (GB/T 32905) digests as lowercase hex. */
final class Sm3 {

    static final String GENESIS = "0".repeat(64);

    private Sm3() {
    }

    static String hex(String text) {
        return digest(new byte[0], text);
    }

    /** SM3(previous hash || content): the previous hash as its 32 bytes, the content as UTF-8. */
    static String chain(String previousHash, String content) {
        return digest(HexFormat.of().parseHex(previousHash), content);
    }

    private static String digest(byte[] prefix, String text) {
        SM3Digest sm3 = new SM3Digest();
        sm3.update(prefix, 0, prefix.length);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sm3.update(bytes, 0, bytes.length);
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
