package org.haochaping.exchange;

import org.haochaping.casework.CaseOrigin;
import org.haochaping.identity.IdentityManagement;
import org.springframework.stereotype.Component;

/**
 * The lower-level platforms that own cases reported here: a lower-level platform owns the cases it reports (domain
 * §8, one handler); its name is the one configured for it here, or the one its client was registered with.
 */
@Component
class Owners {

    private final ExchangeSettings settings;
    private final IdentityManagement identity;

    Owners(ExchangeSettings settings, IdentityManagement identity) {
        this.settings = settings;
        this.identity = identity;
    }

    CaseOrigin origin(String clientId) {
        return new CaseOrigin(clientId, name(clientId));
    }

    String name(String clientId) {
        ExchangeSettings.Peer peer = settings.downstream().get(clientId);
        if (peer != null && peer.name() != null && !peer.name().isBlank()) {
            return peer.name();
        }
        return identity.clientName(clientId).orElse(clientId);
    }
}
