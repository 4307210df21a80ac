package org.haochaping.identity;

/**
 * GB/T 2260 region codes are hierarchical by prefix: 411000 (许昌市) covers 4110xx, 411002 (魏都区) covers
 * 411002xxx. The prefix of a code is the code without its trailing zero pairs.
 */
public final class RegionCodes {

    private RegionCodes() {
    }

    public static String prefixOf(String regionCode) {
        String prefix = regionCode;
        while (prefix.length() > 2 && prefix.endsWith("00")) {
            prefix = prefix.substring(0, prefix.length() - 2);
        }
        return prefix;
    }

    /** Whether {@code code} lies inside (or is) {@code scopeCode}. */
    public static boolean covers(String scopeCode, String code) {
        return code != null && code.startsWith(prefixOf(scopeCode));
    }
}
