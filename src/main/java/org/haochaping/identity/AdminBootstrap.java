package org.haochaping.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** On a database without accounts, creates the first administrator from {@code HCP_ADMIN_PASSWORD}. */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final IdentityManagement identity;
    private final Environment environment;

    AdminBootstrap(IdentityManagement identity, Environment environment) {
        this.identity = identity;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        String password = environment.getProperty("HCP_ADMIN_PASSWORD");
        if (password == null || password.isBlank() || identity.hasAccounts()) {
            return;
        }
        identity.createAccount(new NewAccount("admin", "系统管理员", password, Role.ADMIN, null, null, null, null));
        log.info("Created the first administrator account 'admin'");
    }
}
