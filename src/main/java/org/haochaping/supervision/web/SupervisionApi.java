package org.haochaping.supervision.web;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.haochaping.identity.CurrentUser;
import org.haochaping.supervision.CoachingStatus;
import org.haochaping.supervision.KeyEntryStatus;
import org.haochaping.supervision.SubjectKind;
import org.haochaping.supervision.internal.Alerts;
import org.haochaping.supervision.internal.Coachings;
import org.haochaping.supervision.internal.Deductions;
import org.haochaping.supervision.internal.GuideRevisions;
import org.haochaping.supervision.internal.KeyEntries;
import org.haochaping.supervision.internal.Notices;
import org.haochaping.supervision.internal.Referrals;
import org.haochaping.supervision.internal.Trail;
import org.haochaping.system.DomainProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supervision office's work in the staff API (bearer token): the key supervision list and its measures
 * (第十五条), coaching and reassignment of staff, referrals to discipline inspection, service guide revisions
 * (第十二条) and periodic notices (plan 二(四)2). Each step checks the record's state (409 otherwise) and is audited.
 */
@RestController
class SupervisionApi {

    private final KeyEntries entries;
    private final Coachings coachings;
    private final Deductions deductions;
    private final Referrals referrals;
    private final GuideRevisions revisions;
    private final Notices notices;
    private final Alerts alerts;
    private final Trail trail;

    SupervisionApi(KeyEntries entries, Coachings coachings, Deductions deductions, Referrals referrals,
            GuideRevisions revisions, Notices notices, Alerts alerts, Trail trail) {
        this.entries = entries;
        this.coachings = coachings;
        this.deductions = deductions;
        this.referrals = referrals;
        this.revisions = revisions;
        this.notices = notices;
        this.alerts = alerts;
        this.trail = trail;
    }

    static CurrentUser staff(CurrentUser user) {
        if (user == null) {
            throw DomainProblem.forbidden("此接口仅供员工使用（Bearer 令牌）。");
        }
        return user;
    }

    // —— key supervision list (第十五条)

    @GetMapping("/api/v1/supervision/key-entries")
    List<KeyEntries.KeyEntry> entries(@RequestParam(required = false) KeyEntryStatus status,
            @RequestParam(required = false) String period, @RequestParam(required = false) SubjectKind kind,
            @AuthenticationPrincipal CurrentUser user) {
        return entries.list(status, period, kind, staff(user));
    }

    /** Applies the bottom rule to the period's rankings and proposes the subjects found. */
    @PostMapping("/api/v1/supervision/key-entries/proposals")
    List<KeyEntries.KeyEntry> propose(@Valid @RequestBody Requests.Proposal body,
            @AuthenticationPrincipal CurrentUser user) {
        return entries.propose(body.period(), staff(user));
    }

    @GetMapping("/api/v1/supervision/key-entries/{id}")
    Tracked<KeyEntries.KeyEntry> entry(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
        return tracked(entries.get(id, staff(user)), "KEY_ENTRY", id);
    }

    @PostMapping("/api/v1/supervision/key-entries/{id}/confirmation")
    Tracked<KeyEntries.KeyEntry> confirm(@PathVariable String id, @Valid @RequestBody Requests.Note body,
            @AuthenticationPrincipal CurrentUser user) {
        return tracked(entries.confirm(id, body.note(), staff(user)), "KEY_ENTRY", id);
    }

    @PostMapping("/api/v1/supervision/key-entries/{id}/dismissal")
    Tracked<KeyEntries.KeyEntry> dismiss(@PathVariable String id, @Valid @RequestBody Requests.Note body,
            @AuthenticationPrincipal CurrentUser user) {
        return tracked(entries.dismiss(id, body.note(), staff(user)), "KEY_ENTRY", id);
    }

    /** The department's improvement measures with the date they are carried out by. */
    @PostMapping("/api/v1/supervision/key-entries/{id}/measures")
    Tracked<KeyEntries.KeyEntry> measures(@PathVariable String id, @Valid @RequestBody Requests.Measures body,
            @AuthenticationPrincipal CurrentUser user) {
        return tracked(entries.submitMeasures(id, body.measures(), body.deadline(), staff(user)), "KEY_ENTRY", id);
    }

    /** The office accepts the result (the entry closes) or returns the measures ({@code accepted: false}). */
    @PostMapping("/api/v1/supervision/key-entries/{id}/acceptance")
    Tracked<KeyEntries.KeyEntry> accept(@PathVariable String id, @Valid @RequestBody Requests.Acceptance body,
            @AuthenticationPrincipal CurrentUser user) {
        if (body.accepted() == null) {
            throw org.haochaping.system.FieldProblem.of("accepted", "请选择验收通过或退回");
        }
        return tracked(body.accepted() ? entries.accept(id, body.note(), staff(user))
                : entries.returnMeasures(id, body.note(), staff(user)), "KEY_ENTRY", id);
    }

    /** Escalations (overdue measures and reassignments) within the caller's scope, newest first. */
    @GetMapping("/api/v1/supervision/alerts")
    List<Alerts.Alert> alerts(@AuthenticationPrincipal CurrentUser user) {
        return alerts.recent(staff(user), 200);
    }

    // —— staff long at the bottom

    @GetMapping("/api/v1/supervision/coachings")
    List<Coachings.Coaching> coachings(@RequestParam(required = false) CoachingStatus status,
            @RequestParam(required = false) String staffNo, @AuthenticationPrincipal CurrentUser user) {
        return coachings.list(status, staffNo, staff(user));
    }

    @PostMapping("/api/v1/supervision/coachings")
    @ResponseStatus(HttpStatus.CREATED)
    Tracked<Coachings.Coaching> coach(@Valid @RequestBody Requests.Coaching body,
            @AuthenticationPrincipal CurrentUser user) {
        Coachings.Coaching c = coachings.record(body.staffNo(), body.keyEntryId(), body.coaching(), body.coachedOn(),
                body.reviewOn(), staff(user));
        return tracked(c, "COACHING", c.id());
    }

    @GetMapping("/api/v1/supervision/coachings/{id}")
    Tracked<Coachings.Coaching> coaching(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
        return tracked(coachings.get(id, staff(user)), "COACHING", id);
    }

    @PostMapping("/api/v1/supervision/coachings/{id}/review")
    Tracked<Coachings.Coaching> review(@PathVariable String id, @Valid @RequestBody Requests.Review body,
            @AuthenticationPrincipal CurrentUser user) {
        return tracked(coachings.review(id, body.improved(), body.note(), body.reassignmentDeadline(), staff(user)),
                "COACHING", id);
    }

    /** The department reports the reassignment (限期调换) done. */
    @PostMapping("/api/v1/supervision/coachings/{id}/reassignment")
    Tracked<Coachings.Coaching> reassigned(@PathVariable String id, @Valid @RequestBody Requests.Note body,
            @AuthenticationPrincipal CurrentUser user) {
        return tracked(coachings.completeReassignment(id, body.note(), staff(user)), "COACHING", id);
    }

    /** A staff member's history: key supervision entries, coaching rounds and deductions. */
    @GetMapping("/api/v1/supervision/staff/{staffNo}/history")
    Map<String, Object> staffHistory(@PathVariable String staffNo, @AuthenticationPrincipal CurrentUser user) {
        CurrentUser u = staff(user);
        return Map.of("staffNo", staffNo, "keyEntries", entries.ofSubject(SubjectKind.STAFF, staffNo, u),
                "coachings", coachings.list(null, staffNo, u), "deductions", deductions.ofStaff(staffNo, u));
    }

    // —— referrals to discipline inspection (restricted)

    @GetMapping("/api/v1/supervision/referrals")
    List<Referrals.Referral> referrals(@AuthenticationPrincipal CurrentUser user) {
        CurrentUser u = staff(user);
        if (org.haochaping.supervision.internal.SupervisionAccess.referralScope(u).nothing()) {
            throw DomainProblem.notFound("没有这项内容。");
        }
        return referrals.list(u);
    }

    @PostMapping("/api/v1/supervision/referrals")
    @ResponseStatus(HttpStatus.CREATED)
    Referrals.Referral refer(@Valid @RequestBody Requests.Referral body, @AuthenticationPrincipal CurrentUser user) {
        return referrals.refer(body.evaluationId(), body.workOrderId(), body.inspectionBody(), body.suspicion(),
                staff(user));
    }

    @GetMapping("/api/v1/supervision/referrals/{id}")
    Referrals.Referral referral(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
        return referrals.read(id, staff(user));
    }

    @PostMapping("/api/v1/supervision/referrals/{id}/conclusion")
    Referrals.Referral conclude(@PathVariable String id, @Valid @RequestBody Requests.Conclusion body,
            @AuthenticationPrincipal CurrentUser user) {
        return referrals.conclude(id, body.conclusion(), staff(user));
    }

    // —— service guide revisions (第十二条)

    @GetMapping("/api/v1/supervision/guide-revisions")
    List<GuideRevisions.Revision> revisions(@RequestParam(required = false) GuideRevisions.Status status,
            @RequestParam(required = false) String itemCode, @RequestParam(required = false) String problemId,
            @AuthenticationPrincipal CurrentUser user) {
        return revisions.list(status, itemCode, problemId, staff(user));
    }

    @PostMapping("/api/v1/supervision/guide-revisions")
    @ResponseStatus(HttpStatus.CREATED)
    Tracked<GuideRevisions.Revision> requestRevision(@Valid @RequestBody Requests.RevisionRequest body,
            @AuthenticationPrincipal CurrentUser user) {
        GuideRevisions.Revision r = revisions.request(body.problemId(), body.itemCode(), body.request(), body.dueOn(),
                staff(user));
        return tracked(r, "GUIDE_REVISION", r.id());
    }

    @GetMapping("/api/v1/supervision/guide-revisions/{id}")
    Tracked<GuideRevisions.Revision> revision(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
        return tracked(revisions.get(id, staff(user)), "GUIDE_REVISION", id);
    }

    @PostMapping("/api/v1/supervision/guide-revisions/{id}/submission")
    Tracked<GuideRevisions.Revision> submitRevision(@PathVariable String id, @Valid @RequestBody Requests.Revision body,
            @AuthenticationPrincipal CurrentUser user) {
        return tracked(revisions.submit(id, body.revision(), staff(user)), "GUIDE_REVISION", id);
    }

    @PostMapping("/api/v1/supervision/guide-revisions/{id}/decision")
    Tracked<GuideRevisions.Revision> decideRevision(@PathVariable String id, @Valid @RequestBody Requests.Decision body,
            @AuthenticationPrincipal CurrentUser user) {
        return tracked(revisions.decide(id, body.accepted(), body.note(), staff(user)), "GUIDE_REVISION", id);
    }

    // —— periodic notices (plan 二(四)2)

    @GetMapping("/api/v1/supervision/notices")
    List<Notices.Notice> notices(@AuthenticationPrincipal CurrentUser user) {
        return notices.list(staff(user));
    }

    /** Composes the period's draft notice from work orders and the problem ledger (redacted). */
    @PostMapping("/api/v1/supervision/notices")
    @ResponseStatus(HttpStatus.CREATED)
    Notices.Notice compose(@Valid @RequestBody Requests.Proposal body, @AuthenticationPrincipal CurrentUser user) {
        return notices.compose(body.period(), staff(user));
    }

    @GetMapping("/api/v1/supervision/notices/{id}")
    Tracked<Notices.Notice> notice(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
        return tracked(notices.get(id, staff(user)), "NOTICE", id);
    }

    @PutMapping("/api/v1/supervision/notices/{id}")
    Notices.Notice edit(@PathVariable String id, @Valid @RequestBody Requests.NoticeDraft body,
            @AuthenticationPrincipal CurrentUser user) {
        return notices.edit(id, body.title(), body.body(), staff(user));
    }

    @PostMapping("/api/v1/supervision/notices/{id}/publication")
    Notices.Notice publish(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
        return notices.publish(id, staff(user));
    }

    /** Published notices as open data (no personal data). */
    @GetMapping("/api/v1/public/notices")
    List<Notices.Notice> publicNotices() {
        return notices.published(50);
    }

    private <T> Tracked<T> tracked(T item, String type, String id) {
        return new Tracked<>(item, trail.of(type, id));
    }
}
