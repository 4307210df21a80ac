package org.haochaping.identity;

import java.time.Clock;

import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/** Records reads of personal data, logins and changes of state, with who did them and when. */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String action, String target, String detail) {
        recordAs(currentActor(), action, target, detail);
    }

    public void recordAs(String actor, String action, String target, String detail) {
        jdbc.sql("insert into identity_audit_log (at, actor, action, target, detail) values (:at, :actor, :action, :target, :detail)")
                .param("at", Zones.now(clock)).param("actor", actor).param("action", action)
                .param("target", target).param("detail", detail == null ? null : truncate(detail))
                .update();
    }

    static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return "system";
        }
        if (auth.getPrincipal() instanceof CurrentUser user) {
            return user.username();
        }
        if (auth.getPrincipal() instanceof ApiClientPrincipal client) {
            return "client:" + client.clientId();
        }
        return auth.getName();
    }

    private static String truncate(String s) {
        return s.length() > 1000 ? s.substring(0, 1000) : s;
    }
}
