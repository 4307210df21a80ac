package org.haochaping.channels;

/**
 * Sends one text message. The default gateway logs the message and keeps it in the console's outbox (for a demo);
 * the Alibaba Cloud SMS adapter sends it for real. Throws {@link SmsNotSent} when the message did not go out, so
 * that the caller can keep it and try again.
 */
public interface SmsGateway {

    /** Sends the message; answers the gateway's id for it. */
    String send(SmsMessage message);
}
