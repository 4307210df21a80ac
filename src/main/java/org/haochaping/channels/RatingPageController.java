package org.haochaping.channels;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.haochaping.casework.CaseManagement;
import org.haochaping.casework.CaseView;
import org.haochaping.catalog.CatalogManagement;
import org.haochaping.evaluation.CaseAlreadyRated;
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

    /** The facts shown above the form (item, case number, department, hall, finish time). */
    record CaseFacts(String caseNo, String itemName, String departmentName, String serviceBodyName,
            String windowName, String staffNo, String staffName, String completedAt) {
    }

    private final Invitations invitations;
    private final RatingService ratings;
    private final CaseManagement cases;
    private final EvaluationManagement evaluations;
    private final CatalogManagement catalog;
    private final Links links;

    RatingPageController(Invitations invitations, RatingService ratings, CaseManagement cases,
            EvaluationManagement evaluations, CatalogManagement catalog, Links links) {
        this.invitations = invitations;
        this.ratings = ratings;
        this.cases = cases;
        this.evaluations = evaluations;
        this.catalog = catalog;
        this.links = links;
    }

    @GetMapping("/e/{token}")
    String page(@PathVariable String token, @RequestParam(required = false) String large, Model model) {
        CaseView c = openCase(token);
        return form(token, c, large != null, Map.of(), List.of(), model);
    }

    @PostMapping("/e/{token}")
    String submit(@PathVariable String token, @RequestParam MultiValueMap<String, String> form, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        CaseView c = openCase(token);
        boolean large = form.containsKey("large");
        try {
            EvaluationView stored = ratings.rateWithToken(token, toInput(form));
            model.addAttribute("rating", stored);
            model.addAttribute("large", large);
            return "channels/thanks";
        } catch (FieldProblem problem) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return form(token, c, large, form.toSingleValueMap(), problem.errors(), model);
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
        model.addAttribute("facts", facts(c));
        model.addAttribute("token", token);
        model.addAttribute("url", links.ratingPage(token));
        model.addAttribute("expiresAt", ticket.expiresAt());
        return "channels/receipt";
    }

    private CaseView openCase(String token) {
        Invitations.Ticket ticket = invitations.open(token);
        if (evaluations.isRated(ticket.caseNo())) {
            throw new CaseAlreadyRated(ticket.caseNo());
        }
        return cases.find(ticket.caseNo()).orElseThrow(InvitationRefused::invalid);
    }

    private String form(String token, CaseView c, boolean large, Map<String, String> values,
            List<FieldProblem.FieldError> errors, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("facts", facts(c));
        model.addAttribute("levels", Level.values());
        model.addAttribute("dimensions", Dimension.values());
        Map<String, List<CatalogManagement.ReasonOption>> reasons = new java.util.LinkedHashMap<>();
        for (Level level : Level.values()) {
            reasons.put(level.name(), new ArrayList<>());
        }
        catalog.activeReasons().forEach(r -> reasons.get(r.level()).add(r));
        model.addAttribute("reasons", reasons);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("large", large);
        return "channels/rate";
    }

    private CaseFacts facts(CaseView c) {
        String department = catalog.department(c.departmentCode()).map(CatalogManagement.Department::name)
                .orElse(c.departmentCode());
        String body = c.serviceBodyCode() == null ? null : catalog.serviceBody(c.serviceBodyCode())
                .map(CatalogManagement.ServiceBody::name).orElse(c.serviceBodyCode());
        String window = c.windowCode() == null ? null : catalog.window(c.windowCode())
                .map(CatalogManagement.Window::name).orElse(c.windowCode());
        String completed = c.completedAt() == null ? null
                : c.completedAt().format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        return new CaseFacts(c.caseNo(), c.itemName(), department, body, window, c.staffNo(), c.staffName(), completed);
    }

    private static RatingInput toInput(MultiValueMap<String, String> form) {
        Level level = parse(Level.class, form.getFirst("level"), "level", "请选择满意度等级");
        Map<Dimension, Level> dimensions = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            String value = form.getFirst("dim_" + d.name());
            if (value != null && !value.isBlank()) {
                dimensions.put(d, parse(Level.class, value, "dim_" + d.name(), "取值无效"));
            }
        }
        List<String> reasons = form.getOrDefault("reasons", List.of()).stream()
                .filter(r -> r.startsWith(level.name() + ":"))
                .map(r -> r.substring(level.name().length() + 1)).toList();
        return new RatingInput(null, null, null, level, dimensions, reasons, form.getFirst("comment"), null,
                "on".equals(form.getFirst("consentContact")), "on".equals(form.getFirst("consentShare")));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, String message) {
        if (value == null || value.isBlank()) {
            throw FieldProblem.of(field, message);
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw FieldProblem.of(field, "取值无效");
        }
    }

}
