package org.haochaping.exchange;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import org.haochaping.identity.AuditLog;
import org.haochaping.identity.CurrentUser;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.Zones;
import org.springframework.stereotype.Service;

/**
 * An operator's re-push of a day (对账有差异时重新推送): every case, rating and rectification result sent to the
 * upstream that day goes back in the queue and is sent again by {@code upstream-push}. The upstream keeps what it
 * already holds (a duplicate) and stores what it had lost; reconciliation then counts each record on the day the
 * upstream first stored it.
 */
@Service
class Repushes {

    /** What a re-push put back in the queue. */
    record Requeued(LocalDate date, Map<RecordKind, Long> kinds, long total) {
    }

    private final PushJobs jobs;
    private final ExchangeSettings settings;
    private final AuditLog audit;
    private final Clock clock;

    Repushes(PushJobs jobs, ExchangeSettings settings, AuditLog audit, Clock clock) {
        this.jobs = jobs;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    Requeued repush(LocalDate day, CurrentUser user) {
        if (user == null || !DeadLetters.OPERATORS.contains(user.role())) {
            throw DomainProblem.forbidden("只有系统管理员和政务服务管理部门可以重新推送。");
        }
        if (!settings.upstream().configured()) {
            throw DomainProblem.conflict("本实例未配置上级平台，没有可重新推送的记录。");
        }
        OffsetDateTime now = Zones.now(clock);
        if (day.isAfter(now.toLocalDate())) {
            throw DomainProblem.badRequest("不能重新推送未来的日期：" + day + "。");
        }
        Map<RecordKind, Long> kinds = jobs.requeueSentOn(day, now, user.scope());
        long total = kinds.values().stream().mapToLong(Long::longValue).sum();
        audit.record("EXCHANGE_REPUSH", "day:" + day, "重新推送 " + day + " 已推送至上级平台的 " + total + " 条记录（"
                + RecordKind.CASE.label() + " " + kinds.get(RecordKind.CASE) + "，" + RecordKind.RATING.label() + " "
                + kinds.get(RecordKind.RATING) + "，" + RecordKind.RECTIFICATION.label() + " "
                + kinds.get(RecordKind.RECTIFICATION) + "）");
        return new Requeued(day, kinds, total);
    }
}
