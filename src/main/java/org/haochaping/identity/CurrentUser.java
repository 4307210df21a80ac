package org.haochaping.identity;

import java.io.Serializable;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * A logged-in staff member with their role and data scope; the principal of both the console session and the
 * JSON API's bearer token. Its {@linkplain #getName() name} is the username, which Spring Security and Spring
 * Session use as the principal name (the session table's {@code principal_name}).
 */
public record CurrentUser(String username, String displayName, Role role, String regionCode, String departmentCode,
        String serviceBodyCode, String staffNo) implements Serializable, AuthenticatedPrincipal {

    @Override
    public String getName() {
        return username;
    }

    public DataScope scope() {
        return DataScope.of(this);
    }

    /** Only the supervision office may see evaluator identity, and then masked unless revealed (domain §8). */
    public boolean seesEvaluatorIdentity() {
        return role == Role.SUPERVISOR;
    }

    /** Whether this user reads rating content at all (the administrator and auditor do not). */
    public boolean readsRatings() {
        return role != Role.ADMIN && role != Role.AUDITOR && role != Role.INSPECTOR;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
