package org.haochaping.channels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.haochaping.casework.CaseManagement;
import org.haochaping.casework.CaseView;
import org.haochaping.catalog.CatalogManagement;
import org.haochaping.evaluation.CaseAlreadyRated;
import org.haochaping.evaluation.Channel;
import org.haochaping.evaluation.Dimension;
import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.evaluation.EvaluationView;
import org.haochaping.evaluation.Level;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The evaluator's phone page ({@code /e/{token}}): case facts, five levels, seven dimensions, reasons for the
 * chosen level, free text and consent; works without JavaScript. Also the receipt and its QR image.
 */
@Controller
class RatingPageController {

    private final Invitations invitations;
    private final RatingService ratings;
    private final CaseManagement cases;
    private final EvaluationManagement evaluations;
    private final CatalogManagement catalog;
    private final Links links;
    private final OwnCaseRatingPolicy ownCase;

    RatingPageController(Invitations invitations, RatingService ratings, CaseManagement cases,
            EvaluationManagement evaluations, CatalogManagement catalog, Links links, OwnCaseRatingPolicy ownCase) {
        this.ownCase = ownCase;
        this.invitations = invitations;
        this.ratings = ratings;
        this.cases = cases;
        this.evaluations = evaluations;
        this.catalog = catalog;
        this.links = links;
    }

    @GetMapping("/e/{token}")
    String page(@PathVariable String token, @RequestParam(required = false) String large, Model model) {
        Invitations.Ticket ticket = invitations.open(token);
        CaseView c = openCase(ticket);
        return form(token, ticket, c, large != null, Map.of(), List.of(), model);
    }

    @PostMapping("/e/{token}")
    String submit(@PathVariable String token, @RequestParam MultiValueMap<String, String> form, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        Invitations.Ticket ticket = invitations.open(token);
        CaseView c = openCase(ticket);
        boolean large = form.containsKey("large");
        try {
            EvaluationView stored = ratings.rateWithToken(token, RatingForm.parse(form));
            model.addAttribute("rating", stored);
            model.addAttribute("large", large);
            return "channels/thanks";
        } catch (FieldProblem problem) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(token, ticket, c, large, form.toSingleValueMap(), problem.errors(), model);
        }
    }

    @GetMapping(value = "/e/{token}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qr(@PathVariable String token) {
        invitations.open(token);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_PNG)
                .body(QrCodes.png(links.ratingPage(token), 360));
    }

    @GetMapping("/e/{token}/receipt")
    String receipt(@PathVariable String token, Model model) {
        Invitations.Ticket ticket = invitations.open(token);
        CaseView c = cases.find(ticket.caseNo()).orElseThrow(InvitationRefused::invalid);
        model.addAttribute("facts", facts(c, null));
        model.addAttribute("token", token);
        model.addAttribute("url", links.ratingPage(token));
        model.addAttribute("expiresAt", ticket.expiresAt());
        return "channels/receipt";
    }

    private CaseView openCase(Invitations.Ticket ticket) {
        if (evaluations.isRated(ticket.caseNo())) {
            throw new CaseAlreadyRated(ticket.caseNo());
        }
        CaseView c = cases.find(ticket.caseNo()).orElseThrow(InvitationRefused::invalid);
        ownCase.check(c);
        return c;
    }

    private String form(String token, Invitations.Ticket ticket, CaseView c, boolean large, Map<String, String> values,
            List<FieldProblem.FieldError> errors, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("facts", facts(c, ticket.channel() == Channel.TERMINAL ? ticket.deviceCode() : null));
        addFormChoices(model, catalog);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("large", large);
        return "channels/rate";
    }

    /** What the rating form offers: the five levels, the seven dimensions, the active reasons of each level. */
    static void addFormChoices(Model model, CatalogManagement catalog) {
        model.addAttribute("levels", Level.values());
        model.addAttribute("dimensions", Dimension.values());
        Map<String, List<CatalogManagement.ReasonOption>> reasons = new java.util.LinkedHashMap<>();
        for (Level level : Level.values()) {
            reasons.put(level.name(), new ArrayList<>());
        }
        catalog.activeReasons().forEach(r -> reasons.get(r.level()).add(r));
        model.addAttribute("reasons", reasons);
    }

    private CaseFacts facts(CaseView c, String terminalNo) {
        return CaseFacts.of(c, terminalNo, catalog);
    }
}
