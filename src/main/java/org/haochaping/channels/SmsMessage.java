package org.haochaping.channels;

import java.util.Map;

/**
 * A text message to one mobile: the full Chinese text as the person reads it, and — for gateways that send by
 * approved template (Alibaba Cloud SMS) — the purpose that selects the template and the template's parameters.
 * {@code regionCode} is the region the message concerns (the case's or window's), null when unknown.
 */
public record SmsMessage(String mobile, Purpose purpose, String text, Map<String, String> params, String regionCode) {

    public enum Purpose {
        /** 6-digit code of the static window QR. */
        VERIFICATION_CODE,
        /** Invitation to rate a completed case, with the reply mapping and a link. */
        INVITATION,
        /** Answer to a reply that could not be used. */
        REPLY_HELP,
        /** Confirmation that a reply was recorded as a rating. */
        REPLY_THANKS,
        /** Feedback on the rectification of a bad rating (第十条). */
        FEEDBACK
    }

    public SmsMessage {
        params = params == null ? Map.of() : Map.copyOf(params);
    }
}
