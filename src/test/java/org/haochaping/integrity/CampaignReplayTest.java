package org.haochaping.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.haochaping.evaluation.RatingOrigin;
import org.haochaping.evaluation.SubmitEvaluation;
import org.haochaping.support.Await;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The proof of issue 8: a replay of a scripted five-star campaign against the rating API (from one machine) is held
 * whole, while generated ordinary days of hall traffic (and the demo fixture's history) raise no hold. The ordinary
 * days carry realistic origins: window tablets and terminals with their device codes, QR ratings partly over the
 * hall's Wi-Fi (one shared address per hall), phones behind a small pool of carrier addresses, home computers. The
 * false-positive rate on the ordinary days, and how often each signal was raised, are measured and printed.
 */
class CampaignReplayTest extends IntegrityTest {

    private record Post(String window, String body, String staffNo, String staffName, String department, String item,
            String itemName, String region) {
    }

    private static final List<Post> POSTS = List.of(
            new Post("XC-HALL-W01", "XC-HALL", "S1001", "张伟", "XC-SCJG", "ITEM-SCJG-001", "企业设立登记", "411000"),
            new Post("XC-HALL-W02", "XC-HALL", "S1002", "李娜", "XC-SCJG", "ITEM-SCJG-001", "企业设立登记", "411000"),
            new Post("WD-HALL-W01", "WD-HALL", "S2001", "王芳", "WD-MZJ", "ITEM-MZJ-001", "结婚登记", "411002"),
            new Post("YZ-HALL-W01", "YZ-HALL", "S3001", "刘洋", "YZ-RSJ", "ITEM-RSJ-001", "社会保障卡申领", "411081"));

    private static final Map<Level, String[]> COMMENTS = Map.of(
            Level.VERY_SATISFIED, new String[] {"", "", "很好", "工作人员很耐心，一次就办好了", "窗口服务热情，流程很顺畅", "点赞",
                    "比预想的快很多，非常满意", "服务态度好，讲解清楚"},
            Level.SATISFIED, new String[] {"", "", "办理顺利", "整体不错，等候时间稍长", "还可以", "材料一次就收齐了，挺方便"},
            Level.BASIC, new String[] {"", "排队时间有点长", "材料要求没有提前说清楚"},
            Level.DISSATISFIED, new String[] {"材料让我跑了三趟才交齐", "窗口人员态度生硬，解释不清楚", ""},
            Level.VERY_DISSATISFIED, new String[] {"承诺五个工作日办结，结果拖了两周", "来回跑了好几次，问题还是没解决"});

    @Autowired
    CaseManagement cases;

    @Autowired
    EvaluationManagement evaluations;

    @Test
    void scriptedFiveStarCampaignIsHeldAndOrdinaryDaysRaiseNoHold() {
        List<String> ordinary = new ArrayList<>();
        for (int day = 0; day < 3; day++) {
            ordinary.addAll(ordinaryDay(now().minusDays(3 + day).toLocalDate().atTime(9, 0).atZone(
                    org.haochaping.system.Zones.SHANGHAI).toOffsetDateTime(), new Random(2019 + day)));
        }
        awaitScored(ordinary);
        long flagged = ordinary.stream().filter(id -> !signals(id).isEmpty()).count();
        long held = ordinary.stream().filter(id -> "HELD".equals(status(id)) || score(id) >= 60).count();
        Map<String, Long> perSignal = new java.util.TreeMap<>();
        ordinary.forEach(id -> signals(id).forEach(code -> perSignal.merge(code, 1L, Long::sum)));
        long withAddress = jdbc.sql("select count(*) from integrity_rating where evaluation_id in (:ids) and address_key is not null")
                .param("ids", ordinary).query(Long.class).single();
        long withDevice = jdbc.sql("select count(*) from integrity_rating where evaluation_id in (:ids) and device_code is not null")
                .param("ids", ordinary).query(Long.class).single();

        String prefix = uniquePrefix();
        List<String> campaign = new ArrayList<>();
        String[] scripted = {"服务非常好，效率很高，五星好评！", "工作人员态度好，办事效率高，点赞！", "非常满意，一次办成，感谢！"};
        String campaignMachine = randomAddress();
        for (int i = 0; i < 30; i++) {
            campaign.add(rateFrom(campaignMachine, prefix + String.format("%05d", 100 + i), cityHall(person(null), 60 * 24 + i),
                    Map.of("level", "VERY_SATISFIED", "comment", scripted[i % 3],
                            "dimensions", Map.of("ATTITUDE", "VERY_SATISFIED", "EFFICIENCY", "VERY_SATISFIED"))));
            clock.advance(Duration.ofSeconds(3));
        }
        awaitScored(campaign);
        campaign.forEach(this::awaitHeld);

        double falsePositiveRate = (double) held / ordinary.size();
        System.out.printf("integrity proof: campaign %d/%d held; ordinary traffic %d ratings (%d with a client address, "
                        + "%d from a tablet or terminal), %d with a signal (%.1f%%: %s), %d held (false-positive rate %.2f%%)%n",
                campaign.size(), campaign.size(), ordinary.size(), withAddress, withDevice, flagged,
                100.0 * flagged / ordinary.size(), perSignal, held, 100 * falsePositiveRate);
        assertThat(ordinary).hasSizeGreaterThan(250);
        assertThat(withAddress).as("the address signal was in play").isGreaterThan(ordinary.size() / 2);
        assertThat(withDevice).as("the device signal was in play").isGreaterThan(ordinary.size() / 5);
        assertThat(held).isZero();
        assertThat(perSignal).doesNotContainKey("ADDRESS_BURST");
        assertThat(signals(campaign.get(29))).contains("ADDRESS_BURST");
    }

    @Test
    void theDemoFixturesHistoryRaisesNoHold() {
        Await.until("demo history scored", () -> jdbc.sql("select count(*) from integrity_rating where case_no like 'DEMO%'")
                .query(Long.class).single() > 0);
        assertThat(jdbc.sql("select count(*) from integrity_rating where case_no like 'DEMO%' and (score >= 60 or status = 'HELD')")
                .query(Long.class).single()).isZero();
    }

    /** A day at the four windows: cases every 6–20 minutes, most rated, on every channel, a few agents. */
    private List<String> ordinaryDay(OffsetDateTime opening, Random random) {
        record Rating(String caseNo, Channel channel, Level level, Map<Dimension, Level> dimensions, String comment,
                OffsetDateTime at, RatingOrigin origin) {
        }
        List<Rating> ratings = new ArrayList<>();
        OffsetDateTime closing = opening.withHour(17);
        String dayPrefix = "XC" + uniquePrefix().substring(2, 8) + opening.toLocalDate().toString().replace("-", "");
        List<PersonalIdentity> agents = List.of(citizen(random), citizen(random), citizen(random));
        String run = uniquePrefix();
        List<String> carrier = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            carrier.add(Sm3.hex(run + "-carrier-" + i));
        }
        int serial = 0;
        for (Post post : POSTS) {
            OffsetDateTime t = opening.plusMinutes(random.nextInt(15));
            while (t.isBefore(closing)) {
                OffsetDateTime completed = t.plusMinutes(3 + random.nextInt(10)).truncatedTo(ChronoUnit.SECONDS);
                String caseNo = dayPrefix + String.format("%05d", ++serial * 7 + random.nextInt(7));
                PersonalIdentity applicant = random.nextInt(100) < 8 ? agents.get(random.nextInt(agents.size()))
                        : citizen(random);
                cases.report(caseNo, new CaseReport(post.item(), post.itemName(), post.department(), post.body(),
                        post.window(), post.staffNo(), post.staffName(), post.region(), applicant, HandlingForm.WINDOW,
                        CaseType.IMMEDIATE, CaseStatus.COMPLETED, t, completed, completed), "test");
                if (random.nextInt(100) < 75) {
                    int roll = random.nextInt(100);
                    Channel channel = roll < 36 ? Channel.WINDOW_DEVICE : roll < 40 ? Channel.TERMINAL : roll < 70
                            ? Channel.QR : roll < 85 ? Channel.SMS : roll < 93 ? Channel.MOBILE : Channel.PC;
                    String hallWifi = Sm3.hex(run + "-wifi-" + post.body());
                    String phone = carrier.get(random.nextInt(carrier.size()));
                    RatingOrigin origin = switch (channel) {
                        case WINDOW_DEVICE -> new RatingOrigin(hallWifi, run + "-TAB-" + post.window());
                        case TERMINAL -> new RatingOrigin(hallWifi, run + "-TERM-" + post.body());
                        case QR -> new RatingOrigin(random.nextInt(100) < 30 ? hallWifi : phone, null);
                        case PC -> new RatingOrigin(Sm3.hex(run + "-home-" + random.nextInt(1_000_000)), null);
                        default -> new RatingOrigin(phone, null);
                    };
                    long delay = switch (channel) {
                        case WINDOW_DEVICE -> 5 + random.nextInt(90);
                        case TERMINAL -> 30 + random.nextInt(120);
                        case QR -> 60 + random.nextInt(3600);
                        case SMS -> 1800 + random.nextInt(6 * 3600);
                        default -> 600 + random.nextInt(5 * 3600);
                    };
                    Level level = level(random);
                    Map<Dimension, Level> dimensions = new EnumMap<>(Dimension.class);
                    for (Dimension d : Dimension.values()) {
                        if (random.nextInt(3) == 0) {
                            dimensions.put(d, random.nextInt(5) == 0 ? Level.values()[random.nextInt(3)] : level);
                        }
                    }
                    String[] pool = COMMENTS.get(level);
                    ratings.add(new Rating(caseNo, channel, level, dimensions, pool[random.nextInt(pool.length)],
                            completed.plusSeconds(delay), origin));
                }
                t = completed.plusMinutes(3 + random.nextInt(12));
            }
        }
        ratings.sort(Comparator.comparing(Rating::at));
        List<String> ids = new ArrayList<>();
        for (Rating r : ratings) {
            ids.add(evaluations.submit(new SubmitEvaluation(r.caseNo(), r.channel(), r.level(), r.dimensions(), List.of(),
                    r.comment(), null, false, false, r.at(), r.origin())).id());
        }
        return ids;
    }

    private static PersonalIdentity citizen(Random random) {
        return new PersonalIdentity(ApplicantType.PERSON, "市民" + random.nextInt(10000), "ID_CARD",
                "4110" + String.format("%02d", random.nextInt(99)) + "19" + (60 + random.nextInt(40)) + "0101"
                        + String.format("%04d", random.nextInt(10000)),
                "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000)));
    }

    private static Level level(Random random) {
        int roll = random.nextInt(100);
        return roll < 62 ? Level.VERY_SATISFIED : roll < 85 ? Level.SATISFIED : roll < 93 ? Level.BASIC
                : roll < 97 ? Level.DISSATISFIED : Level.VERY_DISSATISFIED;
    }
}
