package org.haochaping.channels.sms;

import java.util.UUID;

import org.haochaping.channels.SmsGateway;
import org.haochaping.channels.SmsMessage;
import org.haochaping.identity.PersonalField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The default gateway: sends nothing, logs each message (mobile masked) and keeps it in the outbox that the console
 * shows at {@code /console/sms-outbox}, so a demo can show what a citizen would receive.
 */
@Component
@ConditionalOnProperty(name = "hcp.channels.sms.gateway", havingValue = "logging", matchIfMissing = true)
class LoggingSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

    private final SmsOutbox outbox;

    LoggingSmsGateway(SmsOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public String send(SmsMessage message) {
        long id = outbox.keep(message);
        log.info("SMS ({}) to {}: {}", message.purpose(), PersonalField.MOBILE.mask(message.mobile()), message.text());
        return "outbox-" + id + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
