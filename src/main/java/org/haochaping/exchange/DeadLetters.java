package org.haochaping.exchange;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.haochaping.identity.AuditLog;
import org.haochaping.identity.CurrentUser;
import org.haochaping.identity.Role;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.Zones;
import org.springframework.stereotype.Service;

/**
 * The records the upstream kept refusing, or that cannot be built, waiting for an operator: listed within the
 * viewer's scope and put back in the queue by administrators and the supervision office.
 */
@Service
class DeadLetters {

    /** Who reads the exchange's state (counts, dead letters, reconciliation). */
    static final Set<Role> READERS = Set.of(Role.ADMIN, Role.SUPERVISOR, Role.CITY_OFFICE);
    /** Who puts a dead record back in the queue. */
    static final Set<Role> OPERATORS = Set.of(Role.ADMIN, Role.SUPERVISOR);

    private final PushJobs jobs;
    private final AuditLog audit;
    private final Clock clock;

    DeadLetters(PushJobs jobs, AuditLog audit, Clock clock) {
        this.jobs = jobs;
        this.audit = audit;
        this.clock = clock;
    }

    static void requireReader(CurrentUser user) {
        if (user == null || !READERS.contains(user.role())) {
            throw DomainProblem.forbidden("只有系统管理员、政务服务管理部门和市政府办公室可以查看数据汇聚情况。");
        }
    }

    List<PushJobs.PushJob> list(CurrentUser user) {
        requireReader(user);
        return jobs.dead(user.scope());
    }

    void retry(String id, CurrentUser user) {
        if (user == null || !OPERATORS.contains(user.role())) {
            throw DomainProblem.forbidden("只有系统管理员和政务服务管理部门可以重新推送。");
        }
        PushJobs.PushJob job = jobs.find(id)
                .filter(j -> user.scope().covers(j.regionCode(), j.departmentCode(), null, null))
                .orElseThrow(() -> DomainProblem.notFound("没有这条推送记录：" + id));
        if (job.status() != PushJobs.Status.DEAD) {
            throw DomainProblem.conflict("这条记录不在死信列表中，无需重试。");
        }
        jobs.retry(id, Zones.now(clock));
        audit.record("EXCHANGE_RETRY", "case:" + job.caseNo(), "重新推送" + job.kind().label() + "（此前 "
                + job.attempts() + " 次失败：" + job.lastError() + "）");
    }
}
