package org.haochaping.supervision.internal;

import org.haochaping.identity.CurrentUser;
import org.haochaping.identity.DataScope;
import org.haochaping.identity.Role;
import org.haochaping.system.DomainProblem;

/**
 * Who may see and do what in supervision: the supervision office decides every step but the department's own
 * (measures, reassignment, guide revision); the department, hall manager and city office read within their scope.
 * Referrals are read only by the office and auditors.
 */
public final class SupervisionAccess {

    private static final DataScope NOTHING = new DataScope(null, null, null, null, true);

    private SupervisionAccess() {
    }

    public static DataScope readScope(CurrentUser user) {
        if (user == null) {
            return NOTHING;
        }
        return switch (user.role()) {
            case SUPERVISOR, HANDLER, HALL_MANAGER, CITY_OFFICE -> user.scope();
            default -> NOTHING;
        };
    }

    /** Referrals: the supervision office within its region, auditors everywhere; nobody else. */
    public static DataScope referralScope(CurrentUser user) {
        if (user == null) {
            return NOTHING;
        }
        if (user.role() == Role.SUPERVISOR) {
            return user.scope();
        }
        if (user.role() == Role.AUDITOR) {
            return DataScope.everything();
        }
        return NOTHING;
    }

    public static boolean isSupervisor(CurrentUser user) {
        return user != null && user.role() == Role.SUPERVISOR;
    }

    public static boolean isHandler(CurrentUser user) {
        return user != null && user.role() == Role.HANDLER;
    }

    static CurrentUser requireSupervisor(CurrentUser user, String step) {
        if (!isSupervisor(user)) {
            throw DomainProblem.forbidden("只有政务服务管理部门可以" + step + "。");
        }
        return user;
    }

    static CurrentUser requireHandler(CurrentUser user, String step) {
        if (!isHandler(user)) {
            throw DomainProblem.forbidden("只有责任部门的经办人可以" + step + "。");
        }
        return user;
    }
}
