package org.haochaping.supervision.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.haochaping.catalog.CatalogManagement;
import org.haochaping.identity.CurrentUser;
import org.haochaping.identity.DataScope;
import org.haochaping.supervision.KeyEntryStatus;
import org.haochaping.supervision.SubjectKind;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
import org.haochaping.system.Zones;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 重点监督对象 (第十五条): each period the bottom rule proposes departments and staff; the office confirms (or
 * dismisses) them; a confirmed subject's department submits improvement measures with a deadline; overdue steps
 * escalate; the entry closes when the office accepts the result (or it returns the measures).
 */
@Service
public class KeyEntries {

    static final String TYPE = "KEY_ENTRY";

    /** An entry of the key supervision list. */
    public record KeyEntry(String id, String period, SubjectKind kind, String subjectCode, String subjectName,
            String regionCode, String departmentCode, String serviceBodyCode, String staffNo, String reason,
            KeyEntryStatus status, String proposedBy, OffsetDateTime proposedAt, String confirmedBy,
            OffsetDateTime confirmedAt, LocalDate measuresDue, String measures, LocalDate measuresDeadline,
            String submittedBy, OffsetDateTime submittedAt, String closedBy, OffsetDateTime closedAt,
            String resultNote, int escalations, boolean overdue) {

        public String statusLabel() {
            return status.label();
        }

        public String kindLabel() {
            return kind.label();
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Trail trail;
    private final Alerts alerts;
    private final Standings standings;
    private final CatalogManagement catalog;
    private final SupervisionSettings settings;

    KeyEntries(JdbcClient jdbc, Clock clock, Trail trail, Alerts alerts, Standings standings,
            CatalogManagement catalog, SupervisionSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.trail = trail;
        this.alerts = alerts;
        this.standings = standings;
        this.catalog = catalog;
        this.settings = settings;
    }

    private LocalDate today() {
        return Zones.now(clock).toLocalDate();
    }

    /**
     * Applies the bottom rule to the rankings of the period and the periods before it, within the office's scope, and
     * proposes the subjects found (once per period and subject). Answers the period's entries.
     */
    @Transactional
    public List<KeyEntry> propose(String period, CurrentUser by) {
        SupervisionAccess.requireSupervisor(by, "生成重点监督建议名单");
        return proposeWithin(standings.normalize(period), by.scope(), by);
    }

    /** The same, by the scheduled job for the whole city (no user). */
    @Transactional
    public int proposeAll(String period) {
        return proposeWithin(standings.normalize(period), DataScope.everything(), null).size();
    }

    private List<KeyEntry> proposeWithin(String period, DataScope scope, CurrentUser by) {
        BottomRule rule = BottomRule.of(settings);
        List<String> periods = new ArrayList<>();
        String p = period;
        for (int i = 0; i < rule.consecutivePeriods(); i++) {
            periods.add(0, p);
            p = standings.previous(p);
        }
        List<String> labels = periods.stream().map(standings::label).toList();
        for (SubjectKind kind : SubjectKind.values()) {
            List<List<Standings.Ranked>> rankings = periods.stream().map(x -> standings.ranking(scope, kind, x)).toList();
            for (BottomRule.Proposal proposal : rule.apply(labels, rankings)) {
                insert(period, kind, proposal, by);
            }
        }
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("period", period);
        return jdbc.sql("select * from supervision_key_entry e where " + scope.sql("e")
                        + " and e.period = :period order by e.subject_kind, e.subject_code")
                .params(params).query(this::entry).list();
    }

    private void insert(String period, SubjectKind kind, BottomRule.Proposal proposal, CurrentUser by) {
        String region;
        String department;
        String body = null;
        String staffNo = null;
        if (kind == SubjectKind.DEPARTMENT) {
            Optional<CatalogManagement.Department> d = catalog.department(proposal.code());
            if (d.isEmpty()) {
                return;
            }
            region = d.get().regionCode();
            department = d.get().code();
        } else {
            Optional<CatalogManagement.Staff> s = catalog.staff(proposal.code());
            if (s.isEmpty()) {
                return;
            }
            staffNo = s.get().staffNo();
            department = s.get().departmentCode();
            region = catalog.department(department).map(CatalogManagement.Department::regionCode).orElse(null);
            body = s.get().windowCode() == null ? null : catalog.window(s.get().windowCode())
                    .map(CatalogManagement.Window::serviceBodyCode).orElse(null);
            if (region == null) {
                return;
            }
        }
        boolean exists = jdbc.sql("select count(*) from supervision_key_entry where period = :p and subject_kind = :k"
                        + " and subject_code = :c").param("p", period).param("k", kind.name()).param("c", proposal.code())
                .query(Long.class).single() > 0;
        if (exists) {
            return;
        }
        String id = UUID.randomUUID().toString();
        try {
            jdbc.sql("""
                    insert into supervision_key_entry (id, period, subject_kind, subject_code, subject_name, region_code,
                        department_code, service_body_code, staff_no, reason, status, proposed_by, proposed_at)
                    values (:id, :period, :kind, :code, :name, :region, :department, :body, :staff, :reason, 'PROPOSED',
                        :by, :at)
                    """).param("id", id).param("period", period).param("kind", kind.name()).param("code", proposal.code())
                    .param("name", proposal.name() == null ? proposal.code() : Trail.cut(proposal.name(), 100))
                    .param("region", region).param("department", department).param("body", body).param("staff", staffNo)
                    .param("reason", Trail.cut(proposal.reason(), 1000)).param("by", by == null ? "system" : by.username())
                    .param("at", Zones.now(clock)).update();
        } catch (DuplicateKeyException proposedMeanwhile) {
            return;
        }
        trail.step(TYPE, id, by, "PROPOSED", KeyEntryStatus.PROPOSED.name(), proposal.reason());
    }

    public List<KeyEntry> list(KeyEntryStatus status, String period, SubjectKind kind, CurrentUser user) {
        DataScope scope = SupervisionAccess.readScope(user);
        StringBuilder where = new StringBuilder(scope.sql("e"));
        Map<String, Object> params = new HashMap<>(scope.params());
        if (status != null) {
            where.append(" and e.status = :status");
            params.put("status", status.name());
        }
        if (period != null && !period.isBlank()) {
            where.append(" and e.period = :period");
            params.put("period", standings.normalize(period));
        }
        if (kind != null) {
            where.append(" and e.subject_kind = :kind");
            params.put("kind", kind.name());
        }
        return jdbc.sql("select * from supervision_key_entry e where " + where
                        + " order by e.period desc, e.subject_kind, e.subject_code limit 500")
                .params(params).query(this::entry).list();
    }

    /** Every entry of one subject (its history on the list), newest period first. */
    public List<KeyEntry> ofSubject(SubjectKind kind, String code, CurrentUser user) {
        DataScope scope = SupervisionAccess.readScope(user);
        return jdbc.sql("select * from supervision_key_entry e where " + scope.sql("e")
                        + " and e.subject_kind = :kind and e.subject_code = :code order by e.period desc")
                .params(scope.params()).param("kind", kind.name()).param("code", code).query(this::entry).list();
    }

    public KeyEntry get(String id, CurrentUser user) {
        DataScope scope = SupervisionAccess.readScope(user);
        return jdbc.sql("select * from supervision_key_entry e where e.id = :id and " + scope.sql("e"))
                .params(scope.params()).param("id", id).query(this::entry).optional()
                .orElseThrow(() -> DomainProblem.notFound("没有这条重点监督记录。"));
    }

    @Transactional
    public KeyEntry confirm(String id, String note, CurrentUser by) {
        SupervisionAccess.requireSupervisor(by, "确认重点监督对象");
        KeyEntry e = get(id, by);
        require(e, "确认列入", KeyEntryStatus.PROPOSED);
        LocalDate due = today().plusDays(settings.measuresDueDays());
        move(e, KeyEntryStatus.CONFIRMED, "confirmed_by = :by, confirmed_at = :at, measures_due = :due",
                Map.of("by", by.username(), "at", Zones.now(clock), "due", due));
        trail.step(TYPE, id, by, "CONFIRMED", KeyEntryStatus.CONFIRMED.name(),
                join("整改措施报送期限 " + due, note));
        alerts.raise(e.regionCode(), e.departmentCode(), e.serviceBodyCode(), e.staffNo(), TYPE, id,
                e.subjectName() + " 已列入" + e.period() + "重点监督对象，请于 " + due + " 前报送整改措施。");
        return get(id, by);
    }

    @Transactional
    public KeyEntry dismiss(String id, String note, CurrentUser by) {
        SupervisionAccess.requireSupervisor(by, "处理重点监督建议");
        KeyEntry e = get(id, by);
        require(e, "不予列入", KeyEntryStatus.PROPOSED);
        if (note == null || note.isBlank()) {
            throw FieldProblem.of("note", "请说明不予列入的理由");
        }
        move(e, KeyEntryStatus.DISMISSED, "closed_by = :by, closed_at = :at, result_note = :note",
                Map.of("by", by.username(), "at", Zones.now(clock), "note", Trail.cut(note, 2000)));
        trail.step(TYPE, id, by, "DISMISSED", KeyEntryStatus.DISMISSED.name(), note);
        return get(id, by);
    }

    /** The department submits its improvement measures, with the date by which they are carried out. */
    @Transactional
    public KeyEntry submitMeasures(String id, String measures, LocalDate deadline, CurrentUser by) {
        SupervisionAccess.requireHandler(by, "报送整改措施");
        KeyEntry e = get(id, by);
        require(e, "报送整改措施", KeyEntryStatus.CONFIRMED);
        List<FieldProblem.FieldError> errors = new ArrayList<>();
        if (measures == null || measures.isBlank()) {
            errors.add(new FieldProblem.FieldError("measures", "请填写整改措施"));
        }
        if (deadline == null) {
            errors.add(new FieldProblem.FieldError("deadline", "请填写整改完成期限"));
        } else if (!deadline.isAfter(today())) {
            errors.add(new FieldProblem.FieldError("deadline", "整改完成期限须晚于今天"));
        } else if (deadline.isAfter(today().plusYears(1))) {
            errors.add(new FieldProblem.FieldError("deadline", "整改完成期限不能超过一年"));
        }
        if (!errors.isEmpty()) {
            throw new FieldProblem(errors);
        }
        move(e, KeyEntryStatus.MEASURES_SUBMITTED,
                "measures = :measures, measures_deadline = :deadline, submitted_by = :by, submitted_at = :at",
                Map.of("measures", Trail.cut(measures, 2000), "deadline", deadline, "by", by.username(),
                        "at", Zones.now(clock)));
        trail.step(TYPE, id, by, "MEASURES_SUBMITTED", KeyEntryStatus.MEASURES_SUBMITTED.name(),
                "完成期限 " + deadline + "：" + measures);
        return get(id, by);
    }

    /** The office accepts the result: the entry is closed (销号). */
    @Transactional
    public KeyEntry accept(String id, String note, CurrentUser by) {
        SupervisionAccess.requireSupervisor(by, "验收整改结果");
        KeyEntry e = get(id, by);
        require(e, "验收销号", KeyEntryStatus.MEASURES_SUBMITTED);
        if (note == null || note.isBlank()) {
            throw FieldProblem.of("note", "请填写验收意见");
        }
        move(e, KeyEntryStatus.CLOSED, "closed_by = :by, closed_at = :at, result_note = :note",
                Map.of("by", by.username(), "at", Zones.now(clock), "note", Trail.cut(note, 2000)));
        trail.step(TYPE, id, by, "ACCEPTED", KeyEntryStatus.CLOSED.name(), note);
        return get(id, by);
    }

    /** The office sends the measures back: the department must submit again within the usual time. */
    @Transactional
    public KeyEntry returnMeasures(String id, String note, CurrentUser by) {
        SupervisionAccess.requireSupervisor(by, "退回整改措施");
        KeyEntry e = get(id, by);
        require(e, "退回整改措施", KeyEntryStatus.MEASURES_SUBMITTED);
        if (note == null || note.isBlank()) {
            throw FieldProblem.of("note", "请说明退回的理由");
        }
        LocalDate due = today().plusDays(settings.measuresDueDays());
        move(e, KeyEntryStatus.CONFIRMED, "measures_due = :due, result_note = :note",
                Map.of("due", due, "note", Trail.cut(note, 2000)));
        trail.step(TYPE, id, by, "MEASURES_RETURNED", KeyEntryStatus.CONFIRMED.name(), join("重新报送期限 " + due, note));
        alerts.raise(e.regionCode(), e.departmentCode(), e.serviceBodyCode(), e.staffNo(), TYPE, id,
                e.subjectName() + " 的整改措施被退回，请于 " + due + " 前重新报送。");
        return get(id, by);
    }

    /**
     * Escalates entries past their date: measures not submitted by their due date, or not carried out and accepted
     * by their deadline. Once per date: a run that finds nothing new changes nothing. Answers how many escalated.
     */
    @Transactional
    public int escalateOverdue() {
        LocalDate today = today();
        List<KeyEntry> late = jdbc.sql("""
                select * from supervision_key_entry e where
                  (e.status = 'CONFIRMED' and e.measures_due < :today and (e.overdue_for is null or e.overdue_for <> e.measures_due))
                  or (e.status = 'MEASURES_SUBMITTED' and e.measures_deadline < :today
                      and (e.overdue_for is null or e.overdue_for <> e.measures_deadline))
                """).param("today", today).query(this::entry).list();
        for (KeyEntry e : late) {
            LocalDate date = e.status() == KeyEntryStatus.CONFIRMED ? e.measuresDue() : e.measuresDeadline();
            int changed = jdbc.sql("update supervision_key_entry set overdue_for = :date, escalations = escalations + 1,"
                            + " version = version + 1 where id = :id and status = :status")
                    .param("date", date).param("id", e.id()).param("status", e.status().name()).update();
            if (changed == 0) {
                continue;
            }
            String what = e.status() == KeyEntryStatus.CONFIRMED ? "整改措施逾期未报送（期限 " + date + "）"
                    : "整改措施逾期未完成验收（期限 " + date + "）";
            trail.step(TYPE, e.id(), null, "OVERDUE", e.status().name(), what);
            alerts.raise(e.regionCode(), e.departmentCode(), e.serviceBodyCode(), e.staffNo(), TYPE, e.id(),
                    "督办：" + e.subjectName() + "（" + e.period() + " 重点监督）" + what + "。");
        }
        return late.size();
    }

    private void require(KeyEntry e, String step, KeyEntryStatus... allowed) {
        StepRefused.require("重点监督记录", step, e.status(), KeyEntryStatus::label, allowed);
    }

    private void move(KeyEntry e, KeyEntryStatus to, String set, Map<String, Object> values) {
        int changed = jdbc.sql("update supervision_key_entry set status = :to, version = version + 1, " + set
                        + " where id = :id and status = :from")
                .params(values).param("to", to.name()).param("id", e.id()).param("from", e.status().name()).update();
        if (changed == 0) {
            throw DomainProblem.conflict("该记录刚被他人处理，请刷新后重试。");
        }
    }

    static String join(String a, String note) {
        return note == null || note.isBlank() ? a : a + "；" + note;
    }

    private KeyEntry entry(ResultSet rs, int n) throws SQLException {
        KeyEntryStatus status = KeyEntryStatus.valueOf(rs.getString("status"));
        LocalDate due = rs.getObject("measures_due", LocalDate.class);
        LocalDate deadline = rs.getObject("measures_deadline", LocalDate.class);
        LocalDate today = today();
        boolean overdue = (status == KeyEntryStatus.CONFIRMED && due != null && due.isBefore(today))
                || (status == KeyEntryStatus.MEASURES_SUBMITTED && deadline != null && deadline.isBefore(today));
        return new KeyEntry(rs.getString("id"), rs.getString("period"), SubjectKind.valueOf(rs.getString("subject_kind")),
                rs.getString("subject_code"), rs.getString("subject_name"), rs.getString("region_code"),
                rs.getString("department_code"), rs.getString("service_body_code"), rs.getString("staff_no"),
                rs.getString("reason"), status, rs.getString("proposed_by"), time(rs, "proposed_at"),
                rs.getString("confirmed_by"), time(rs, "confirmed_at"), due, rs.getString("measures"), deadline,
                rs.getString("submitted_by"), time(rs, "submitted_at"), rs.getString("closed_by"), time(rs, "closed_at"),
                rs.getString("result_note"), rs.getInt("escalations"), overdue);
    }

    static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : Zones.inShanghai(t);
    }
}
