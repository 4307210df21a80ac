package org.haochaping.identity;

import java.time.Clock;
import java.util.Optional;

import org.haochaping.system.Zones;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates accounts and integration clients (used by set-up and the demo fixture). */
@Service
public class IdentityManagement {

    private final Accounts accounts;
    private final ApiClients clients;
    private final PasswordEncoder passwords;
    private final PersonalDataVault vault;
    private final Clock clock;

    IdentityManagement(Accounts accounts, ApiClients clients, PasswordEncoder passwords, PersonalDataVault vault,
            Clock clock) {
        this.accounts = accounts;
        this.clients = clients;
        this.passwords = passwords;
        this.vault = vault;
        this.clock = clock;
    }

    @Transactional
    public void createAccount(NewAccount account) {
        accounts.insert(account, passwords.encode(account.password()), Zones.now(clock));
    }

    /** Registers a client; its secret is kept sealed (the server needs it to check HMAC signatures). */
    @Transactional
    public void createClient(String clientId, String name, String secret, ApiClientPrincipal.Kind kind,
            String regionCode, String deviceCode) {
        clients.insert(clientId, name, vault.seal(secret), kind, regionCode, deviceCode);
    }

    /** The name a client was registered with (e.g. the lower-level platform that owns the cases it reports). */
    public Optional<String> clientName(String clientId) {
        return clientId == null ? Optional.empty() : clients.name(clientId);
    }

    public boolean hasAccounts() {
        return accounts.any();
    }
}
