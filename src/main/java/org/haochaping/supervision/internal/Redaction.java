package org.haochaping.supervision.internal;

import java.util.regex.Pattern;

/**
 * What a public notice (plan 二(四)2, 第十三条) may not carry: personal data. Identity-card numbers, mobile and
 * landline numbers and e-mail addresses are replaced when a notice is composed, and a notice still containing any
 * is refused at publication.
 */
public final class Redaction {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx]|(?<![0-9A-Za-z])\\d{15}(?![0-9])");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");
    private static final Pattern PHONE = Pattern.compile("(?<!\\d)0\\d{2,3}-?\\d{7,8}(?!\\d)");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

    private Redaction() {
    }

    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String s = ID_NUMBER.matcher(text).replaceAll("[证件号已隐去]");
        s = MOBILE.matcher(s).replaceAll("[电话已隐去]");
        s = PHONE.matcher(s).replaceAll("[电话已隐去]");
        return EMAIL.matcher(s).replaceAll("[邮箱已隐去]");
    }

    /** Whether the text still looks like it carries personal data. */
    public static boolean carriesPersonalData(String text) {
        return text != null && (ID_NUMBER.matcher(text).find() || MOBILE.matcher(text).find()
                || PHONE.matcher(text).find() || EMAIL.matcher(text).find());
    }
}
