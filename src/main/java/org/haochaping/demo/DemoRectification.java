package org.haochaping.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.haochaping.casework.ApplicantType;
import org.haochaping.casework.CaseManagement;
import org.haochaping.casework.CaseReport;
import org.haochaping.casework.CaseStatus;
import org.haochaping.casework.CaseType;
import org.haochaping.casework.HandlingForm;
import org.haochaping.casework.PersonalIdentity;
import org.haochaping.evaluation.Channel;
import org.haochaping.evaluation.Dimension;
import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.evaluation.Level;
import org.haochaping.evaluation.SubmitEvaluation;
import org.haochaping.identity.CurrentUser;
import org.haochaping.identity.Role;
import org.haochaping.rectification.FeedbackChannel;
import org.haochaping.rectification.RectificationManagement;
import org.haochaping.rectification.RootCause;
import org.haochaping.rectification.SupervisionKind;
import org.haochaping.rectification.Verdict;
import org.haochaping.system.Zones;
import org.springframework.stereotype.Component;

/**
 * The bad-review loop of the demo: a dozen bad ratings walked through the rectification module's own API to every
 * state — waiting for verification, rectifying (one overdue, one reopened after a dissatisfied call-back), asking
 * for an extension, rectified, answered, closed as resolved, unfounded and invalid — with one appeal, a common
 * problem in the ledger and supervision records.
 */
@Component
class DemoRectification {

    private static final CurrentUser SUPERVISOR = new CurrentUser("supervisor", "许昌市政务服务管理办公室",
            Role.SUPERVISOR, "411000", null, null, null);
    private static final CurrentUser XC_HANDLER = new CurrentUser("xc.handler", "市场监管局经办人", Role.HANDLER,
            "411000", "XC-SCJG", null, null);
    private static final CurrentUser YZ_HANDLER = new CurrentUser("yz.handler", "禹州人社局经办人", Role.HANDLER,
            "411081", "YZ-RSJ", null, null);
    private static final CurrentUser S1001 = new CurrentUser("s1001", "张伟", Role.STAFF, "411000", "XC-SCJG",
            "XC-HALL", "S1001");

    private record Post(String windowCode, String bodyCode, String staffNo, String staffName, String departmentCode,
            String itemCode, String itemName, String regionCode) {
    }

    private static final Post XC_W01 = new Post("XC-HALL-W01", "XC-HALL", "S1001", "张伟", "XC-SCJG", "ITEM-SCJG-001",
            "企业设立登记", "411000");
    private static final Post XC_W02 = new Post("XC-HALL-W02", "XC-HALL", "S1002", "李娜", "XC-SCJG", "ITEM-SCJG-001",
            "企业设立登记", "411000");
    private static final Post WD_W01 = new Post("WD-HALL-W01", "WD-HALL", "S2001", "王芳", "WD-MZJ", "ITEM-MZJ-001",
            "结婚登记", "411002");
    private static final Post YZ_W01 = new Post("YZ-HALL-W01", "YZ-HALL", "S3001", "刘洋", "YZ-RSJ", "ITEM-RSJ-001",
            "社会保障卡申领", "411081");

    private final CaseManagement cases;
    private final EvaluationManagement evaluations;
    private final RectificationManagement rectification;
    private final Clock clock;
    private final List<String[]> orders = new ArrayList<>();
    private int serial;

    DemoRectification(CaseManagement cases, EvaluationManagement evaluations, RectificationManagement rectification,
            Clock clock) {
        this.cases = cases;
        this.evaluations = evaluations;
        this.rectification = rectification;
        this.clock = clock;
    }

    void create() {
        OffsetDateTime now = Zones.now(clock);
        LocalDate today = now.toLocalDate();

        // 待核实
        bad(XC_W02, 1, Level.DISSATISFIED, "等了一个多小时才叫到号，窗口只开了两个", "ATTITUDE_POOR", "王建国", "13903741001");
        bad(YZ_W01, 2, Level.VERY_DISSATISFIED, "社保卡说好三天能取，一周了还没做好", "PROMISE_BROKEN", "李秀英", "13903741002");

        // 整改中, in time; appealed by the rated staff member
        String rectifying = bad(XC_W01, 3, Level.DISSATISFIED, "窗口人员说话不耐烦", "ATTITUDE_POOR", "张志强", "13903741003");
        rectification.verify(rectifying, Verdict.CONFIRMED, "调取窗口录音，工作人员语气生硬，情况属实", SUPERVISOR);

        // 整改中, overdue
        String overdue = bad(YZ_W01, 20, Level.DISSATISFIED, "补材料跑了三趟，每次说的都不一样", "MANY_TRIPS", "陈丽娟", "13903741004");
        rectification.verify(overdue, Verdict.CONFIRMED, "经核实，窗口未一次性告知所需材料", SUPERVISOR);

        // 申请延期
        String extension = bad(XC_W02, 10, Level.VERY_DISSATISFIED, "网上申报系统老是提交失败，只能跑到大厅", "PROCESS_UNCLEAR",
                "杨海涛", "13903741005");
        rectification.verify(extension, Verdict.CONFIRMED, "经核实，网上申报系统存在提交故障", SUPERVISOR);
        rectification.requestExtension(extension, "故障需省市场监管局统一升级系统，预计两周内完成",
                today.plusDays(5).plusDays(12), XC_HANDLER);

        // 已整改, waiting for the feedback
        String rectified = bad(XC_W01, 8, Level.DISSATISFIED, "要求提供的材料和网上公布的不一致", "MATERIALS_BURDEN", "赵静", "13903741006");
        rectification.verify(rectified, Verdict.CONFIRMED, "办事指南未及时更新，情况属实", SUPERVISOR);
        rectification.rectify(rectified, "已更新办事指南和一次性告知单，窗口人员统一培训", RootCause.MATERIALS, XC_HANDLER);

        // 已反馈, waiting for the call-back
        String answered = bad(YZ_W01, 12, Level.DISSATISFIED, "工作人员中途离岗，等了半小时", "ATTITUDE_POOR", "黄磊", "13903741007");
        rectification.verify(answered, Verdict.CONFIRMED, "经查监控，工作人员离岗未放置暂停服务牌", SUPERVISOR);
        rectification.rectify(answered, "对当事人批评教育，窗口实行 AB 岗，离岗须放置提示牌", RootCause.ATTITUDE, YZ_HANDLER);
        rectification.giveFeedback(answered, FeedbackChannel.SMS,
                "您反映的窗口离岗问题属实，我局已对相关人员批评教育，并实行 AB 岗制度。感谢您的监督。", YZ_HANDLER);

        // 已办结: resolved after a satisfied call-back
        String resolved = bad(XC_W01, 25, Level.VERY_DISSATISFIED, "承诺当天办结，结果拖了一周", "PROMISE_BROKEN", "周敏", "13903741008");
        rectification.verify(resolved, Verdict.CONFIRMED, "因系统故障延误，未及时告知申请人，情况属实", SUPERVISOR);
        rectification.rectify(resolved, "建立超时预警，延误时主动电话告知申请人", RootCause.EFFICIENCY, XC_HANDLER);
        rectification.giveFeedback(resolved, FeedbackChannel.ONLINE,
                "已为您办结营业执照，并建立超时预警机制，延误时将主动告知。", XC_HANDLER);
        rectification.callBack(resolved, true, true, "评价人表示已拿到执照，对处理结果满意", SUPERVISOR);

        // 已办结: unfounded, explained to the evaluator
        String unfounded = bad(WD_W01, 6, Level.DISSATISFIED, "要求双方本人到场，太麻烦", "MATERIALS_BURDEN", "吴军", "13903741009");
        rectification.verify(unfounded, Verdict.UNFOUNDED, "结婚登记依法须双方本人到场，窗口按规定办理", SUPERVISOR);

        // 已办结: malicious, the rating is invalid
        String malicious = bad(XC_W02, 15, Level.VERY_DISSATISFIED, "（与办件无关的辱骂内容）", "MISCONDUCT", "孙晓东", "13903741010");
        rectification.verify(malicious, Verdict.MALICIOUS, "评价人因个人纠纷故意差评，经本人承认", SUPERVISOR);

        // reopened: the evaluator was still dissatisfied on the call-back
        String reopened = bad(XC_W01, 30, Level.DISSATISFIED, "说是一次性告知，第二次去又要新材料", "MATERIALS_BURDEN", "徐红梅", "13903741011");
        rectification.verify(reopened, Verdict.CONFIRMED, "告知单不完整，情况属实", SUPERVISOR);
        rectification.rectify(reopened, "补充完善告知单", RootCause.MATERIALS, XC_HANDLER);
        rectification.giveFeedback(reopened, FeedbackChannel.PHONE, "已电话告知评价人完善后的告知单内容。", XC_HANDLER);
        rectification.callBack(reopened, true, false, "评价人表示告知单仍缺少章程范本，要求重新整改", SUPERVISOR);

        rectification.appeal(evaluationOf(rectifying), "当日排队人数多，本人按规定逐一解释，录音中并无不当言语",
                "窗口录音 10:20-10:35，排队叫号记录", S1001);

        rectification.openProblem("企业设立登记材料一次性告知不到位",
                "多条差评反映材料要求与办事指南不一致、需多次补交材料；根源在于告知单更新滞后。", "XC-SCJG",
                "市场监管局登记注册科 王科长", today.plusDays(20), List.of(rectified, reopened, rectifying), SUPERVISOR);
        rectification.recordSupervision(SupervisionKind.INTERVIEW, "XC-SCJG", "S1002", null, today.minusDays(2),
                "就网上申报故障和窗口服务态度约谈登记注册科负责人，要求两周内完成整改", SUPERVISOR);
        rectification.recordSupervision(SupervisionKind.SPOT_CHECK, null, null, resolved, today.minusDays(1),
                "抽查整改落实情况：超时预警已上线运行", SUPERVISOR);
        rectification.flagOverdueWorkOrders();
    }

    /** A real-name bad rating given {@code daysAgo} days ago, and its work order's id. */
    private String bad(Post post, int daysAgo, Level level, String comment, String reason, String name, String mobile) {
        OffsetDateTime ratedAt = Zones.now(clock).minusDays(daysAgo).withHour(10).withMinute(15 + serial);
        OffsetDateTime completed = ratedAt.minusMinutes(40);
        String caseNo = "DEMOWO" + ratedAt.toLocalDate().toString().replace("-", "") + String.format("%03d", ++serial);
        cases.report(caseNo, new CaseReport(post.itemCode(), post.itemName(), post.departmentCode(), post.bodyCode(),
                post.windowCode(), post.staffNo(), post.staffName(), post.regionCode(),
                new PersonalIdentity(ApplicantType.PERSON, name, "ID_CARD",
                        "41100219850612" + String.format("%04d", 1000 + serial), mobile),
                HandlingForm.WINDOW, CaseType.PROMISED, CaseStatus.COMPLETED, completed.minusMinutes(30), completed,
                completed), "demo");
        String evaluationId = evaluations.submit(new SubmitEvaluation(caseNo, Channel.QR, level,
                Map.of(Dimension.ATTITUDE, level), List.of(reason), comment, null, true, false, ratedAt)).id();
        String workOrderId = rectification.openWorkOrder(evaluationId).orElseThrow();
        orders.add(new String[] {workOrderId, evaluationId});
        return workOrderId;
    }

    private String evaluationOf(String workOrderId) {
        return orders.stream().filter(o -> o[0].equals(workOrderId)).findFirst().orElseThrow()[1];
    }
}
