package org.haochaping.identity;

/** The kinds of personal data, each with its mask (张*, 4110**********1234, 138****5678). */
public enum PersonalField {
    NAME {
        @Override
        public String mask(String value) {
            if (value == null || value.isEmpty()) {
                return value;
            }
            int first = value.offsetByCodePoints(0, 1);
            int rest = value.codePointCount(first, value.length());
            return value.substring(0, first) + "*".repeat(Math.max(1, rest));
        }
    },
    ID_NUMBER {
        @Override
        public String mask(String value) {
            if (value == null || value.length() < 8) {
                return value == null ? null : "*".repeat(value.length());
            }
            return value.substring(0, 4) + "*".repeat(value.length() - 8) + value.substring(value.length() - 4);
        }
    },
    MOBILE {
        @Override
        public String mask(String value) {
            if (value == null || value.length() < 7) {
                return value == null ? null : "*".repeat(value.length());
            }
            return value.substring(0, 3) + "*".repeat(value.length() - 7) + value.substring(value.length() - 4);
        }
    };

    public abstract String mask(String value);
}
