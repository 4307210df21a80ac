package org.haochaping.supervision.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.haochaping.catalog.CatalogManagement;
import org.haochaping.identity.CurrentUser;
import org.haochaping.identity.DataScope;
import org.haochaping.identity.RegionCodes;
import org.haochaping.rectification.ProblemFacts;
import org.haochaping.rectification.RectificationManagement;
import org.haochaping.rectification.Verdict;
import org.haochaping.rectification.WorkOrderFacts;
import org.haochaping.rectification.WorkOrderStatus;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
import org.haochaping.system.Zones;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 定期通报 (plan 二(四)2): the office composes the period's notice of outstanding problems and typical cases from the
 * bad ratings' work orders and the problem ledger — redacted, with no personal data (no evaluator, no staff name, no
 * case number) — edits and previews it, then publishes it to the public pages.
 */
@Service
public class Notices {

    static final String TYPE = "NOTICE";

    /** A notice; {@code body} is plain text, paragraphs separated by blank lines. */
    public record Notice(String id, String period, String regionCode, String title, String body, String status,
            String composedBy, OffsetDateTime composedAt, String publishedBy, OffsetDateTime publishedAt) {

        public boolean published() {
            return "PUBLISHED".equals(status);
        }

        public String statusLabel() {
            return published() ? "已发布" : "草稿";
        }

        public List<String> paragraphs() {
            return List.of(body.split("\\n\\s*\\n"));
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Trail trail;
    private final Standings standings;
    private final RectificationManagement rectification;
    private final CatalogManagement catalog;

    Notices(JdbcClient jdbc, Clock clock, Trail trail, Standings standings, RectificationManagement rectification,
            CatalogManagement catalog) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.trail = trail;
        this.standings = standings;
        this.rectification = rectification;
        this.catalog = catalog;
    }

    @Transactional
    public Notice compose(String period, CurrentUser by) {
        SupervisionAccess.requireSupervisor(by, "编制通报");
        String p = standings.normalize(period);
        String region = by.regionCode();
        String regionName = catalog.region(region).map(CatalogManagement.Region::name).orElse("");
        String title = regionName + "政务服务“好差评”" + standings.label(p) + "情况通报";
        String body = draft(p, by.scope());
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into supervision_notice (id, period, region_code, title, body, status, composed_by, composed_at)
                values (:id, :period, :region, :title, :body, 'DRAFT', :by, :at)
                """).param("id", id).param("period", p).param("region", region).param("title", Trail.cut(title, 200))
                .param("body", Trail.cut(body, 20000)).param("by", by.username()).param("at", Zones.now(clock)).update();
        trail.step(TYPE, id, by, "COMPOSED", "DRAFT", title);
        return get(id, by);
    }

    /** The draft text: overall figures, outstanding problems and up to five typical cases, redacted. */
    String draft(String period, DataScope scope) {
        LocalDate from = standings.from(period);
        LocalDate to = standings.to(period);
        List<WorkOrderFacts> orders = rectification.workOrderFacts(scope, from, to, 5000);
        long confirmed = orders.stream().filter(o -> o.verdict() == Verdict.CONFIRMED).count();
        long closed = orders.stream().filter(o -> o.status() == WorkOrderStatus.CLOSED).count();
        long overdue = orders.stream().filter(WorkOrderFacts::overdue).count();
        List<String> parts = new ArrayList<>();
        parts.add("一、总体情况\n" + standings.label(period) + "（" + from + " 至 " + to + "），辖区内收到差评 " + orders.size()
                + " 件，经核实属实 " + confirmed + " 件，已办结 " + closed + " 件，超期未整改 " + overdue + " 件。");
        StringBuilder problems = new StringBuilder("二、突出问题");
        int i = 0;
        for (ProblemFacts pr : rectification.problemFacts(scope, true)) {
            problems.append("\n").append(++i).append(". ").append(department(pr.departmentCode())).append("：")
                    .append(pr.title()).append("（整改期限 ").append(pr.deadline()).append("）");
        }
        Map<String, Long> lateByDepartment = new LinkedHashMap<>();
        orders.stream().filter(WorkOrderFacts::overdue)
                .forEach(o -> lateByDepartment.merge(o.departmentCode(), 1L, Long::sum));
        lateByDepartment.forEach((d, n) -> problems.append("\n").append(department(d)).append("有 ").append(n)
                .append(" 件差评超期未整改。"));
        if (i == 0 && lateByDepartment.isEmpty()) {
            problems.append("\n本期无尚未解决的共性问题和超期未整改的差评。");
        }
        parts.add(problems.toString());
        StringBuilder cases = new StringBuilder("三、典型案例");
        int k = 0;
        for (WorkOrderFacts o : orders) {
            if (o.verdict() != Verdict.CONFIRMED || o.measures() == null || k >= 5) {
                continue;
            }
            String item = catalog.item(o.itemCode()).map(CatalogManagement.ServiceItem::name).orElse("政务服务事项");
            cases.append("\n").append(++k).append(". ").append(department(o.departmentCode())).append("办理“").append(item)
                    .append("”时，群众给予“").append(o.level().label()).append("”评价，经核实属实")
                    .append(o.rootCause() == null ? "" : "，原因为" + o.rootCause().label()).append("。整改措施：")
                    .append(scrub(o.measures(), o.staffNo())).append(o.status() == WorkOrderStatus.CLOSED ? "（已办结）" : "");
        }
        if (k == 0) {
            cases.append("\n本期无典型案例。");
        }
        parts.add(cases.toString());
        parts.add("四、工作要求\n各部门要对照通报问题举一反三，按期完成整改，推动差评和共性问题“双归零”。");
        return String.join("\n\n", parts);
    }

    private String department(String code) {
        return catalog.department(code).map(CatalogManagement.Department::name).orElse(code);
    }

    /** Measures as the public reads them: no contact data and no staff name. */
    private String scrub(String text, String staffNo) {
        String s = Redaction.redact(text);
        if (staffNo != null) {
            String name = catalog.staff(staffNo).map(CatalogManagement.Staff::name).orElse(null);
            if (name != null && !name.isBlank()) {
                s = s.replace(name, "相关工作人员");
            }
            s = s.replace(staffNo, "相关工作人员");
        }
        return s;
    }

    @Transactional
    public Notice edit(String id, String title, String body, CurrentUser by) {
        SupervisionAccess.requireSupervisor(by, "修改通报");
        Notice n = get(id, by);
        if (n.published()) {
            throw new StepRefused("通报状态不允许修改", "只有「草稿」状态的通报才能修改，本通报已发布。");
        }
        List<FieldProblem.FieldError> errors = new ArrayList<>();
        if (title == null || title.isBlank()) {
            errors.add(new FieldProblem.FieldError("title", "请填写标题"));
        }
        if (body == null || body.isBlank()) {
            errors.add(new FieldProblem.FieldError("body", "请填写通报正文"));
        }
        if (!errors.isEmpty()) {
            throw new FieldProblem(errors);
        }
        jdbc.sql("update supervision_notice set title = :title, body = :body, version = version + 1"
                        + " where id = :id and status = 'DRAFT'")
                .param("title", Trail.cut(title.strip(), 200)).param("body", Trail.cut(body.strip(), 20000))
                .param("id", id).update();
        trail.step(TYPE, id, by, "EDITED", "DRAFT", null);
        return get(id, by);
    }

    @Transactional
    public Notice publish(String id, CurrentUser by) {
        SupervisionAccess.requireSupervisor(by, "发布通报");
        Notice n = get(id, by);
        if (n.published()) {
            throw new StepRefused("通报状态不允许发布", "只有「草稿」状态的通报才能发布，本通报已于 "
                    + n.publishedAt().toLocalDate() + " 发布。");
        }
        if (Redaction.carriesPersonalData(n.title()) || Redaction.carriesPersonalData(n.body())) {
            throw FieldProblem.of("body", "通报中含有疑似个人信息（证件号、电话或邮箱），请删除后再发布");
        }
        int changed = jdbc.sql("update supervision_notice set status = 'PUBLISHED', published_by = :by, published_at = :at,"
                        + " version = version + 1 where id = :id and status = 'DRAFT'")
                .param("by", by.username()).param("at", Zones.now(clock)).param("id", id).update();
        if (changed == 0) {
            throw DomainProblem.conflict("该通报刚被他人处理，请刷新后重试。");
        }
        trail.step(TYPE, id, by, "PUBLISHED", "PUBLISHED", n.title());
        return get(id, by);
    }

    /** A notice of the office's region (drafts included): the office and the city office read them. */
    public Notice get(String id, CurrentUser user) {
        return jdbc.sql("select * from supervision_notice n where n.id = :id and n.region_code like :region")
                .param("id", id).param("region", regionPrefix(user)).query(Notices::notice).optional()
                .orElseThrow(() -> DomainProblem.notFound("没有这份通报。"));
    }

    public List<Notice> list(CurrentUser user) {
        return jdbc.sql("select * from supervision_notice n where n.region_code like :region"
                        + " order by n.composed_at desc limit 200")
                .param("region", regionPrefix(user)).query(Notices::notice).list();
    }

    private static String regionPrefix(CurrentUser user) {
        if (user == null || !(SupervisionAccess.isSupervisor(user)
                || user.role() == org.haochaping.identity.Role.CITY_OFFICE) || user.regionCode() == null) {
            return "-";
        }
        return RegionCodes.prefixOf(user.regionCode()) + "%";
    }

    /** Published notices, newest first: the public pages. */
    public List<Notice> published(int limit) {
        return jdbc.sql("select * from supervision_notice n where n.status = 'PUBLISHED'"
                        + " order by n.published_at desc limit :limit")
                .param("limit", limit).query(Notices::notice).list();
    }

    public Notice publishedOne(String id) {
        return jdbc.sql("select * from supervision_notice n where n.id = :id and n.status = 'PUBLISHED'")
                .param("id", id).query(Notices::notice).optional()
                .orElseThrow(() -> DomainProblem.notFound("没有这份通报。"));
    }

    private static Notice notice(ResultSet rs, int n) throws SQLException {
        return new Notice(rs.getString("id"), rs.getString("period"), rs.getString("region_code"),
                rs.getString("title"), rs.getString("body"), rs.getString("status"), rs.getString("composed_by"),
                KeyEntries.time(rs, "composed_at"), rs.getString("published_by"), KeyEntries.time(rs, "published_at"));
    }
}
