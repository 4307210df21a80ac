package org.haochaping.channels;

/** The SMS gateway did not accept a message (unreachable, refused, wrong credentials); the sender may retry. */
public class SmsNotSent extends RuntimeException {

    public SmsNotSent(String message) {
        super(message);
    }

    public SmsNotSent(String message, Throwable cause) {
        super(message, cause);
    }
}
