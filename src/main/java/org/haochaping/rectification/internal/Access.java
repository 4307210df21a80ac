package org.haochaping.rectification.internal;

import org.haochaping.identity.CurrentUser;
import org.haochaping.identity.DataScope;
import org.haochaping.identity.Role;
import org.haochaping.system.DomainProblem;

/**
 * Who may see and do what in the bad-review loop. Work orders are seen within the viewer's data scope by the
 * supervision office, the department, the hall manager and the city office; the supervision office verifies,
 * decides extensions and appeals and calls back; the department rectifies, asks for extensions and answers.
 */
public final class Access {

    private Access() {
    }

    private static final DataScope NOTHING = new DataScope(null, null, null, null, true);

    /** The work orders, appeals and problems a user may read. */
    public static DataScope readScope(CurrentUser user) {
        if (user == null) {
            return NOTHING;
        }
        return switch (user.role()) {
            case SUPERVISOR, HANDLER, HALL_MANAGER, CITY_OFFICE -> user.scope();
            default -> NOTHING;
        };
    }

    /** The appeals a user may read: also the rated staff member's own. */
    public static DataScope appealScope(CurrentUser user) {
        if (user != null && user.role() == Role.STAFF) {
            return user.scope();
        }
        return readScope(user);
    }

    public static boolean isSupervisor(CurrentUser user) {
        return user != null && user.role() == Role.SUPERVISOR;
    }

    public static boolean isHandler(CurrentUser user) {
        return user != null && user.role() == Role.HANDLER;
    }

    static void requireSupervisor(CurrentUser user, String step) {
        if (!isSupervisor(user)) {
            throw DomainProblem.forbidden("只有政务服务管理部门可以" + step + "。");
        }
    }

    static void requireHandler(CurrentUser user, String step) {
        if (!isHandler(user)) {
            throw DomainProblem.forbidden("只有责任部门的经办人可以" + step + "。");
        }
    }

    static void requireStaff(CurrentUser user) {
        if (user == null) {
            throw DomainProblem.forbidden("此接口仅供员工使用（Bearer 令牌）。");
        }
    }
}
