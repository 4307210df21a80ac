package org.haochaping.exchange;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.haochaping.identity.CurrentUser;
import org.haochaping.system.Zones;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's exchange pages: the upstream and the state of the outbox, the lower-level platforms ratings go down
 * to, the dead-letter list with its retry button, the reconciliation of the last days with the rating conflicts and
 * the re-push of a day, the senders' claimed counts against what arrived here, the code tables in use, and the loops of the bad ratings of cases that lower-level platforms handle.
 */
@Controller
class ExchangePages {

    /** A lower-level platform as the console shows it. */
    record Downstream(String clientId, String name, String url, boolean configured) {
    }

    private final PushJobs jobs;
    private final DeadLetters deadLetters;
    private final Reconciliations reconciliations;
    private final Conflicts conflicts;
    private final CodeTables codeTables;
    private final LoopViews loops;
    private final Owners owners;
    private final SenderClaims claims;
    private final Repushes repushes;
    private final ExchangeSettings settings;
    private final Clock clock;

    ExchangePages(PushJobs jobs, DeadLetters deadLetters, Reconciliations reconciliations, Conflicts conflicts,
            CodeTables codeTables, LoopViews loops, Owners owners, SenderClaims claims, Repushes repushes,
            ExchangeSettings settings, Clock clock) {
        this.jobs = jobs;
        this.deadLetters = deadLetters;
        this.reconciliations = reconciliations;
        this.conflicts = conflicts;
        this.codeTables = codeTables;
        this.loops = loops;
        this.owners = owners;
        this.claims = claims;
        this.repushes = repushes;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/console/exchange")
    String console(@AuthenticationPrincipal CurrentUser user, Model model) {
        DeadLetters.requireReader(user);
        OffsetDateTime now = Zones.now(clock);
        model.addAttribute("upstream", settings.upstream());
        model.addAttribute("summary", jobs.summary(now.toLocalDate(), now, user.scope()));
        model.addAttribute("downward", jobs.summary(now.toLocalDate(), now, user.scope(), true));
        model.addAttribute("downstreams", downstreams());
        List<PushJobs.PushJob> dead = deadLetters.list(user);
        model.addAttribute("deadLetters", dead);
        model.addAttribute("owners", ownerNames(dead));
        model.addAttribute("mayRetry", DeadLetters.OPERATORS.contains(user.role()));
        model.addAttribute("days", reconciliations.recent(now.toLocalDate(), 7));
        model.addAttribute("senders", claims.recent(now.toLocalDate(), 7));
        model.addAttribute("kinds", RecordKind.values());
        model.addAttribute("conflicts", conflicts.recent(user.scope(), 20));
        model.addAttribute("codeTables", codeTables.latestTables());
        model.addAttribute("inboundCodeTable", settings.inbound().codeTable());
        return "exchange/console";
    }

    @PostMapping("/console/exchange/dead-letters/{id}/retry")
    String retry(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
        deadLetters.retry(id, user);
        return "redirect:/console/exchange?retried";
    }

    @PostMapping("/console/exchange/reconciliation/{date}/repush")
    String repush(@PathVariable LocalDate date, @AuthenticationPrincipal CurrentUser user) {
        Repushes.Requeued requeued = repushes.repush(date, user);
        return "redirect:/console/exchange?repushed=" + requeued.total() + "&day=" + date + "#reconciliation";
    }

    @GetMapping("/console/exchange/loops")
    String loops(@RequestParam(required = false) Integer page, @AuthenticationPrincipal CurrentUser user,
            Model model) {
        model.addAttribute("result", loops.list(user, page, 50));
        return "exchange/loops";
    }

    @GetMapping("/console/exchange/loops/{caseNo}")
    String loop(@PathVariable String caseNo, @AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("loop", loops.detail(caseNo, user));
        return "exchange/loop";
    }

    private List<Downstream> downstreams() {
        return new TreeMap<>(settings.downstream()).entrySet().stream()
                .map(e -> new Downstream(e.getKey(), owners.name(e.getKey()),
                        e.getValue().configured() ? e.getValue().baseUrl() : null, e.getValue().configured()))
                .toList();
    }

    private Map<String, String> ownerNames(List<PushJobs.PushJob> dead) {
        Map<String, String> names = new TreeMap<>();
        dead.stream().map(PushJobs.PushJob::target).filter(t -> t != null)
                .forEach(t -> names.computeIfAbsent(t, owners::name));
        return names;
    }
}
