package org.haochaping.rectification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.haochaping.evaluation.Level;
import org.haochaping.rectification.FeedbackChannel;
import org.haochaping.rectification.RootCause;
import org.haochaping.rectification.Verdict;
import org.haochaping.rectification.WorkOrderOutcome;
import org.haochaping.rectification.WorkOrderStatus;
import org.haochaping.system.FieldProblem;
import org.junit.jupiter.api.Test;

/** The work order guards its states (domain §8): each step only from the states the rules allow. */
class WorkOrderTest {

    static final OffsetDateTime RATED = OffsetDateTime.parse("2026-11-02T10:00:00+08:00");
    static final LocalDate DEADLINE = LocalDate.of(2026, 11, 17);

    static WorkOrder order(boolean realName) {
        WorkOrder order = new WorkOrder(new WorkOrder.Facts("wo-1", "ev-1", "CASE-1", Level.DISSATISFIED, "411000",
                "XC-SCJG", "XC-HALL", "XC-HALL-W01", "S1001", "ITEM-SCJG-001", realName, RATED, RATED));
        order.status = WorkOrderStatus.PENDING_VERIFICATION;
        return order;
    }

    static WorkOrder rectified(boolean realName) {
        WorkOrder order = order(realName);
        order.confirm("属实", DEADLINE, "supervisor", RATED.plusDays(1));
        order.rectify("重新培训窗口人员", RootCause.ATTITUDE, "xc.handler", RATED.plusDays(3));
        return order;
    }

    @Test
    void confirmationStartsRectificationWithTheDeadline() {
        WorkOrder order = order(true);
        order.confirm("情况属实", DEADLINE, "supervisor", RATED.plusHours(2));
        assertThat(order.status()).isEqualTo(WorkOrderStatus.RECTIFYING);
        assertThat(order.verdict()).isEqualTo(Verdict.CONFIRMED);
        assertThat(order.deadline()).isEqualTo(DEADLINE);
        assertThat(order.deadlineEnd()).isEqualTo(OffsetDateTime.parse("2026-11-17T23:59:59+08:00"));
        assertThat(order.drainSteps()).extracting(WorkOrder.Step::action).containsExactly("VERIFIED_CONFIRMED");
    }

    @Test
    void rectifyingBeforeVerificationIsRefused() {
        WorkOrder order = order(true);
        assertThatThrownBy(() -> order.rectify("措施", RootCause.PROCESS, "xc.handler", RATED))
                .isInstanceOf(WorkOrderStepRefused.class)
                .hasMessage("只有处于「整改中」或「申请延期」状态的工单才能提交整改结果，本工单当前为「待核实」。");
    }

    @Test
    void aClosedOrderTakesNoFurtherStep() {
        WorkOrder order = order(true);
        order.declareUnfounded("经调取录像，窗口人员按规定办理", "supervisor", RATED.plusDays(1));
        assertThat(order.status()).isEqualTo(WorkOrderStatus.CLOSED);
        assertThat(order.outcome()).isEqualTo(WorkOrderOutcome.UNFOUNDED);
        assertThatThrownBy(() -> order.confirm("改判", DEADLINE, "supervisor", RATED.plusDays(2)))
                .isInstanceOf(WorkOrderAlreadyClosed.class).hasMessageContaining("已办结");
    }

    @Test
    void unfoundedAndMaliciousVerdictsNeedAnExplanation() {
        assertThatThrownBy(() -> order(true).declareUnfounded(" ", "supervisor", RATED)).isInstanceOf(FieldProblem.class);
        assertThatThrownBy(() -> order(true).declareMalicious(null, "supervisor", RATED)).isInstanceOf(FieldProblem.class);
        WorkOrder malicious = order(true);
        malicious.declareMalicious("同一号码一小时内差评 20 次", "supervisor", RATED);
        assertThat(malicious.outcome()).isEqualTo(WorkOrderOutcome.INVALID);
    }

    @Test
    void rectificationNeedsMeasuresAndARootCause() {
        WorkOrder order = order(true);
        order.confirm(null, DEADLINE, "supervisor", RATED);
        assertThatThrownBy(() -> order.rectify("已整改", null, "xc.handler", RATED))
                .isInstanceOfSatisfying(FieldProblem.class,
                        p -> assertThat(p.errors().get(0).field()).isEqualTo("rootCause"));
        assertThatThrownBy(() -> order.rectify("", RootCause.PROCESS, "xc.handler", RATED))
                .isInstanceOfSatisfying(FieldProblem.class,
                        p -> assertThat(p.errors().get(0).field()).isEqualTo("measures"));
        assertThat(order.status()).isEqualTo(WorkOrderStatus.RECTIFYING);
    }

    @Test
    void anExtensionTakesEffectOnlyWhenApproved() {
        WorkOrder order = order(true);
        order.confirm(null, DEADLINE, "supervisor", RATED);
        LocalDate today = RATED.toLocalDate().plusDays(10);
        assertThatThrownBy(() -> order.requestExtension("需协调市场监管总局系统", DEADLINE.minusDays(1), 30, today,
                "xc.handler", RATED)).isInstanceOf(FieldProblem.class);
        assertThatThrownBy(() -> order.requestExtension("需协调", DEADLINE.plusDays(31), 30, today, "xc.handler", RATED))
                .as("at most 30 days").isInstanceOf(FieldProblem.class);
        order.requestExtension("需协调上级系统", DEADLINE.plusDays(10), 30, today, "xc.handler", RATED);
        assertThat(order.status()).isEqualTo(WorkOrderStatus.EXTENSION_REQUESTED);
        assertThat(order.deadline()).as("not before approval").isEqualTo(DEADLINE);
        order.decideExtension(true, "同意", "supervisor", RATED);
        assertThat(order.status()).isEqualTo(WorkOrderStatus.RECTIFYING);
        assertThat(order.deadline()).isEqualTo(DEADLINE.plusDays(10));
        assertThat(order.extensionsGranted()).isEqualTo(1);

        order.requestExtension("再延", DEADLINE.plusDays(12), 30, today, "xc.handler", RATED);
        order.decideExtension(false, "不同意", "supervisor", RATED);
        assertThat(order.deadline()).isEqualTo(DEADLINE.plusDays(10));
        assertThatThrownBy(() -> order.decideExtension(true, "again", "supervisor", RATED))
                .isInstanceOf(WorkOrderStepRefused.class);
    }

    @Test
    void feedbackOfAnAnonymousRatingClosesTheOrderForNobodyCanBeCalledBack() {
        WorkOrder anonymous = rectified(false);
        anonymous.giveFeedback(FeedbackChannel.ONLINE, "已整改", "xc.handler", RATED.plusDays(4));
        assertThat(anonymous.status()).isEqualTo(WorkOrderStatus.CLOSED);
        assertThat(anonymous.outcome()).isEqualTo(WorkOrderOutcome.RESOLVED);

        WorkOrder realName = rectified(true);
        realName.giveFeedback(FeedbackChannel.SMS, "已整改", "xc.handler", RATED.plusDays(4));
        assertThat(realName.status()).isEqualTo(WorkOrderStatus.FEEDBACK_GIVEN);
    }

    @Test
    void aStillDissatisfiedEvaluatorReopensTheOrderWithAFreshDeadline() {
        WorkOrder order = rectified(true);
        order.giveFeedback(FeedbackChannel.SMS, "已整改", "xc.handler", RATED.plusDays(4));
        LocalDate fresh = LocalDate.of(2026, 11, 21);
        assertThatThrownBy(() -> order.recordCallBack(true, null, null, 3, fresh, "supervisor", RATED.plusDays(6)))
                .isInstanceOf(FieldProblem.class);
        order.recordCallBack(true, false, "仍需跑两趟", 3, fresh, "supervisor", RATED.plusDays(6));
        assertThat(order.status()).isEqualTo(WorkOrderStatus.RECTIFYING);
        assertThat(order.deadline()).isEqualTo(fresh);
        assertThat(order.rectifiedAt()).isNull();
        assertThat(order.calledBackAt()).isNotNull();
        assertThat(order.reopenedCount()).isEqualTo(1);
    }

    @Test
    void unansweredCallBacksEndTheCallBackStepAfterTheLastAttempt() {
        WorkOrder order = rectified(true);
        order.giveFeedback(FeedbackChannel.PHONE, "已电话告知整改情况", "xc.handler", RATED.plusDays(4));
        order.recordCallBack(false, null, "无人接听", 3, DEADLINE, "supervisor", RATED.plusDays(5));
        order.recordCallBack(false, null, "关机", 3, DEADLINE, "supervisor", RATED.plusDays(6));
        assertThat(order.status()).isEqualTo(WorkOrderStatus.FEEDBACK_GIVEN);
        order.recordCallBack(false, null, "无人接听", 3, DEADLINE, "supervisor", RATED.plusDays(7));
        assertThat(order.status()).isEqualTo(WorkOrderStatus.CLOSED);
        assertThat(order.outcome()).isEqualTo(WorkOrderOutcome.RESOLVED);
        assertThat(order.calledBackAt()).as("never reached").isNull();
    }

    @Test
    void anOrderIsFlaggedOverdueOnceAfterItsDeadlineDayAndUntilRectified() {
        WorkOrder order = order(true);
        order.confirm(null, DEADLINE, "supervisor", RATED);
        OffsetDateTime lastMinute = OffsetDateTime.parse("2026-11-17T23:59:00+08:00");
        assertThat(order.flagOverdue(lastMinute)).as("still in time on the deadline day").isFalse();
        OffsetDateTime nextDay = OffsetDateTime.parse("2026-11-18T00:00:01+08:00");
        assertThat(order.flagOverdue(nextDay)).isTrue();
        assertThat(order.flagOverdue(nextDay.plusHours(1))).as("flagged once").isFalse();
        assertThat(order.overdue()).isTrue();
        order.rectify("补办完成", RootCause.EFFICIENCY, "xc.handler", nextDay.plusDays(1));
        assertThat(order.overdue()).as("done, so no longer in the overdue list").isFalse();
        assertThat(order.onTime()).isFalse();
    }

    @Test
    void callBackNeedsARealNameRating() {
        WorkOrder order = rectified(false);
        order.status = WorkOrderStatus.FEEDBACK_GIVEN;
        assertThatThrownBy(() -> order.recordCallBack(true, true, null, 3, DEADLINE, "supervisor", RATED))
                .isInstanceOf(WorkOrderStepRefused.class).hasMessageContaining("实名");
    }
}
