package org.haochaping.exchange;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.haochaping.identity.CurrentUser;
import org.haochaping.system.Zones;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The console's exchange page: the upstream and the state of the outbox, the dead-letter list with its retry
 * button, the reconciliation of the last days and the code tables in use.
 */
@Controller
class ExchangePages {

    private final PushJobs jobs;
    private final DeadLetters deadLetters;
    private final Reconciliations reconciliations;
    private final CodeTables codeTables;
    private final ExchangeSettings settings;
    private final Clock clock;

    ExchangePages(PushJobs jobs, DeadLetters deadLetters, Reconciliations reconciliations, CodeTables codeTables,
            ExchangeSettings settings, Clock clock) {
        this.jobs = jobs;
        this.deadLetters = deadLetters;
        this.reconciliations = reconciliations;
        this.codeTables = codeTables;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/console/exchange")
    String console(@AuthenticationPrincipal CurrentUser user, Model model) {
        DeadLetters.requireReader(user);
        OffsetDateTime now = Zones.now(clock);
        model.addAttribute("upstream", settings.upstream());
        model.addAttribute("summary", jobs.summary(now.toLocalDate(), now, user.scope()));
        model.addAttribute("deadLetters", deadLetters.list(user));
        model.addAttribute("mayRetry", DeadLetters.OPERATORS.contains(user.role()));
        model.addAttribute("days", reconciliations.recent(now.toLocalDate(), 7));
        model.addAttribute("codeTables", codeTables.latestTables());
        model.addAttribute("inboundCodeTable", settings.inbound().codeTable());
        return "exchange/console";
    }

    @PostMapping("/console/exchange/dead-letters/{id}/retry")
    String retry(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
        deadLetters.retry(id, user);
        return "redirect:/console/exchange?retried";
    }
}
