package org.haochaping.channels;

import org.haochaping.casework.CaseView;
import org.haochaping.identity.CurrentUser;
import org.haochaping.system.DomainProblem;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Window staff never rate a case they handled themselves: a rating belongs to the person served (第七条, real-name
 * rating) and a staff member rating their own work is the 刷好评 the plan forbids (plan 二(五)). Applies whenever
 * the request comes from a logged-in staff member (console session or bearer token).
 */
@Component
class OwnCaseRatingPolicy {

    void check(CaseView c) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof CurrentUser user && user.staffNo() != null
                && user.staffNo().equals(c.staffNo())) {
            throw DomainProblem.forbidden("工作人员不能评价本人办理的办件。");
        }
    }
}
