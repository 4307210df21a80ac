package org.haochaping.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.haochaping.system.Zones;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password for the console and the token endpoint: five failures lock the account for
 * fifteen minutes (等保 level 3); every login and failure is audited.
 */
@Component
class AccountAuthenticator implements AuthenticationProvider {

    static final int MAX_FAILURES = 5;
    static final Duration LOCK_TIME = Duration.ofMinutes(15);
    static final String BAD_CREDENTIALS = "用户名或密码错误";

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;

    AccountAuthenticator(Accounts accounts, PasswordEncoder passwords, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = request.getName();
        String password = String.valueOf(request.getCredentials());
        Accounts.Account account = accounts.find(username).orElseThrow(() -> {
            audit.recordAs(username, "LOGIN_FAILED", username, "unknown user");
            return new BadCredentialsException(BAD_CREDENTIALS);
        });
        OffsetDateTime now = Zones.now(clock);
        if (!account.enabled()) {
            throw new DisabledException("账号已停用");
        }
        if (account.lockedUntil() != null && account.lockedUntil().isAfter(now)) {
            audit.recordAs(username, "LOGIN_REFUSED_LOCKED", username, null);
            throw new LockedException("登录失败次数过多，账号已锁定 15 分钟");
        }
        if (!passwords.matches(password, account.passwordHash())) {
            int failures = account.failedAttempts() + 1;
            OffsetDateTime lock = failures >= MAX_FAILURES ? now.plus(LOCK_TIME) : null;
            accounts.recordFailure(username, failures >= MAX_FAILURES ? 0 : failures, lock);
            audit.recordAs(username, "LOGIN_FAILED", username, lock == null ? "wrong password" : "locked");
            throw lock == null ? new BadCredentialsException(BAD_CREDENTIALS)
                    : new LockedException("登录失败次数过多，账号已锁定 15 分钟");
        }
        accounts.recordSuccess(username);
        audit.recordAs(username, "LOGIN", username, null);
        return authenticated(account.toCurrentUser());
    }

    static UsernamePasswordAuthenticationToken authenticated(CurrentUser user) {
        return UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
