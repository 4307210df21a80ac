package org.haochaping.identity;

/**
 * Where the vault's keys come from. The default reads configuration or the environment; a hardware security
 * module can implement the same interface later.
 */
public interface KeySource {

    /** The SM4 key of a version (16 bytes). */
    byte[] dataKey(int version);

    int currentVersion();

    /** The key of the SM3 HMAC index. */
    byte[] indexKey();
}
