package org.haochaping.demo;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

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
import org.haochaping.system.Zones;
import org.springframework.stereotype.Component;

/**
 * Three months of cases and ratings across every hall, channel and level (mostly good, a few percent bad), made
 * through the modules' own APIs so that every event and rule applies. Seeded, so every demo looks the same.
 */
@Component
class DemoHistory {

    private record Post(String windowCode, String bodyCode, String staffNo, String staffName, String departmentCode,
            String itemCode, String itemName, String regionCode) {
    }

    private static final List<Post> POSTS = List.of(
            new Post("XC-HALL-W01", "XC-HALL", "S1001", "张伟", "XC-SCJG", "ITEM-SCJG-001", "企业设立登记", "411000"),
            new Post("XC-HALL-W02", "XC-HALL", "S1002", "李娜", "XC-SCJG", "ITEM-SCJG-001", "企业设立登记", "411000"),
            new Post("WD-HALL-W01", "WD-HALL", "S2001", "王芳", "WD-MZJ", "ITEM-MZJ-001", "结婚登记", "411002"),
            new Post("YZ-HALL-W01", "YZ-HALL", "S3001", "刘洋", "YZ-RSJ", "ITEM-RSJ-001", "社会保障卡申领", "411081"));

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};
    private static final String[] GIVEN = {"建国", "秀英", "志强", "丽娟", "海涛", "静", "磊", "敏", "军", "红梅", "晓东", "娜"};
    private static final Channel[] CHANNELS = {Channel.WINDOW_DEVICE, Channel.WINDOW_DEVICE, Channel.QR, Channel.QR,
            Channel.PC, Channel.MOBILE, Channel.TERMINAL, Channel.SMS, Channel.PHONE};
    private static final Map<Level, String[]> COMMENTS = Map.of(
            Level.VERY_SATISFIED, new String[] {"工作人员很耐心，一次就办好了", "窗口服务热情，流程很顺畅", "比预想的快很多，点赞", ""},
            Level.SATISFIED, new String[] {"整体不错，等候时间稍长", "办理顺利", ""},
            Level.BASIC, new String[] {"排队时间有点长", "材料要求没有提前说清楚", ""},
            Level.DISSATISFIED, new String[] {"材料让我跑了三趟才交齐", "窗口人员态度生硬，解释不清楚"},
            Level.VERY_DISSATISFIED, new String[] {"承诺五个工作日办结，结果拖了两周", "来回跑了好几次，问题还是没解决"});

    private final CaseManagement cases;
    private final EvaluationManagement evaluations;
    private final Clock clock;

    DemoHistory(CaseManagement cases, EvaluationManagement evaluations, Clock clock) {
        this.cases = cases;
        this.evaluations = evaluations;
        this.clock = clock;
    }

    void create(int count) {
        Random random = new Random(20191101L);
        OffsetDateTime now = Zones.now(clock);
        for (int i = 0; i < count; i++) {
            Post post = POSTS.get(random.nextInt(POSTS.size()));
            OffsetDateTime completed = now.minusMinutes(60 + random.nextInt(90 * 24 * 60));
            String caseNo = "DEMO" + completed.toLocalDate().toString().replace("-", "") + String.format("%05d", i);
            PersonalIdentity applicant = new PersonalIdentity(ApplicantType.PERSON,
                    SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)], "ID_CARD",
                    "4110" + String.format("%02d", random.nextInt(99)) + "19" + (60 + random.nextInt(40))
                            + String.format("%02d%02d", 1 + random.nextInt(12), 1 + random.nextInt(28))
                            + String.format("%04d", random.nextInt(10000)),
                    "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000)));
            cases.report(caseNo, new CaseReport(post.itemCode(), post.itemName(), post.departmentCode(), post.bodyCode(),
                    post.windowCode(), post.staffNo(), post.staffName(), post.regionCode(), applicant,
                    HandlingForm.WINDOW, random.nextBoolean() ? CaseType.IMMEDIATE : CaseType.PROMISED,
                    CaseStatus.COMPLETED, completed.minusMinutes(20 + random.nextInt(600)), completed, completed),
                    "demo");
            boolean recent = completed.isAfter(now.minusDays(7));
            if (random.nextInt(100) < (recent ? 60 : 85)) {
                Level level = level(random);
                Map<Dimension, Level> dimensions = new EnumMap<>(Dimension.class);
                for (Dimension d : Dimension.values()) {
                    if (random.nextInt(3) == 0) {
                        dimensions.put(d, level);
                    }
                }
                String[] comments = COMMENTS.get(level);
                OffsetDateTime ratedAt = completed.plusMinutes(1 + random.nextInt(3 * 24 * 60));
                evaluations.submit(new SubmitEvaluation(caseNo, CHANNELS[random.nextInt(CHANNELS.length)], level,
                        dimensions, List.of(), comments[random.nextInt(comments.length)], null, random.nextBoolean(),
                        false, ratedAt.isAfter(now) ? now : ratedAt));
            }
        }
    }

    private static Level level(Random random) {
        int roll = random.nextInt(100);
        if (roll < 62) {
            return Level.VERY_SATISFIED;
        }
        if (roll < 85) {
            return Level.SATISFIED;
        }
        if (roll < 93) {
            return Level.BASIC;
        }
        return roll < 97 ? Level.DISSATISFIED : Level.VERY_DISSATISFIED;
    }
}
