package org.haochaping.channels;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.haochaping.casework.CaseManagement;
import org.haochaping.catalog.CatalogManagement;
import org.haochaping.evaluation.Channel;
import org.haochaping.evaluation.EvaluationManagement;
import org.haochaping.identity.PersonalField;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.Zones;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The static QR of a window (the provincial practice, and plan 二(四)1: a 好差评 QR code in a prominent place at every
 * window): scan, enter a mobile, receive a 6-digit code, see one's recent unrated cases at that window and rate them
 * (channel {@code QR}). Also the window's printable poster.
 */
@Controller
class WindowQrPage {

    static final int MAX_CASES = 20;

    /** A window as its pages show it. */
    record WindowView(String code, String name, String serviceBodyName, String regionCode, String url) {
    }

    /** A case the verified person may rate, with the link to its rating page. */
    record UnratedCase(CaseFacts facts, String ratingUrl) {
    }

    private final CatalogManagement catalog;
    private final CaseManagement cases;
    private final EvaluationManagement evaluations;
    private final VerificationCodes codes;
    private final Invitations invitations;
    private final Links links;
    private final ChannelSettings settings;
    private final Clock clock;

    WindowQrPage(CatalogManagement catalog, CaseManagement cases, EvaluationManagement evaluations,
            VerificationCodes codes, Invitations invitations, Links links, ChannelSettings settings, Clock clock) {
        this.catalog = catalog;
        this.cases = cases;
        this.evaluations = evaluations;
        this.codes = codes;
        this.invitations = invitations;
        this.links = links;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/w/{windowCode}")
    String start(@PathVariable String windowCode, @RequestParam(required = false) String large, Model model) {
        return startPage(window(windowCode), large != null, null, null, model);
    }

    @GetMapping(value = "/w/{windowCode}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qr(@PathVariable String windowCode) {
        WindowView window = window(windowCode);
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.IMAGE_PNG)
                .body(QrCodes.png(window.url(), 480));
    }

    @GetMapping("/w/{windowCode}/poster")
    String poster(@PathVariable String windowCode, Model model) {
        model.addAttribute("window", window(windowCode));
        return "channels/poster";
    }

    @PostMapping("/w/{windowCode}/code")
    String sendCode(@PathVariable String windowCode, @RequestParam(required = false) String mobile,
            @RequestParam(required = false) String large, Model model, HttpServletResponse response) {
        WindowView window = window(windowCode);
        String cleaned = mobile == null ? "" : mobile.replaceAll("[\\s-]", "");
        if (!cleaned.matches("1[3-9][0-9]{9}")) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return startPage(window, large != null, mobile, "请输入正确的 11 位手机号码。", model);
        }
        String challenge;
        try {
            challenge = codes.send(window.code(), window.serviceBodyName() + window.name(), window.regionCode(), cleaned);
        } catch (DomainProblem problem) {
            response.setStatus(problem.status().value());
            return startPage(window, large != null, cleaned, problem.detail(), model);
        }
        return codePage(window, large != null, challenge, PersonalField.MOBILE.mask(cleaned), null, model);
    }

    @PostMapping("/w/{windowCode}/verify")
    String verify(@PathVariable String windowCode, @RequestParam(required = false) String challenge,
            @RequestParam(required = false) String code, @RequestParam(required = false) String masked,
            @RequestParam(required = false) String large, Model model, HttpServletResponse response) {
        WindowView window = window(windowCode);
        VerificationCodes.Attempt attempt = challenge == null || challenge.length() > 32
                ? new VerificationCodes.Attempt(VerificationCodes.Outcome.UNKNOWN, 0)
                : codes.verify(challenge, window.code(), code);
        switch (attempt.outcome()) {
            case VERIFIED:
                return "redirect:/w/" + window.code() + "/cases/" + challenge + (large != null ? "?large=1" : "");
            case WRONG:
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                return codePage(window, large != null, challenge, masked,
                        "验证码不正确，还可以再试 " + attempt.remaining() + " 次。", model);
            case LOCKED:
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                return startPage(window, large != null, null, "验证码输错次数过多，已失效，请重新获取。", model);
            case EXPIRED:
                response.setStatus(HttpStatus.GONE.value());
                return startPage(window, large != null, null, "验证码已过期或已使用，请重新获取。", model);
            default:
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                return startPage(window, large != null, null, "验证已失效，请重新获取验证码。", model);
        }
    }

    @GetMapping("/w/{windowCode}/cases/{challenge}")
    String unrated(@PathVariable String windowCode, @PathVariable String challenge,
            @RequestParam(required = false) String large, Model model, HttpServletResponse response) {
        WindowView window = window(windowCode);
        var verified = codes.verified(challenge, window.code()).orElse(null);
        if (verified == null) {
            response.setStatus(HttpStatus.GONE.value());
            return startPage(window, large != null, null, "手机号验证已过期，请重新获取验证码。", model);
        }
        OffsetDateTime since = Zones.now(clock).minus(settings.windowLookback());
        List<UnratedCase> unrated = cases.recentCompletedAt(window.code(), verified.mobileIndex(), since, MAX_CASES)
                .stream()
                .filter(c -> !evaluations.isRated(c.caseNo()))
                .map(c -> new UnratedCase(CaseFacts.of(c, null, catalog),
                        links.ratingPage(invitations.live(c.caseNo(), Channel.QR)
                                .orElseGet(() -> invitations.issue(c.caseNo(), Channel.QR)).token())
                                + (large != null ? "?large=1" : "")))
                .toList();
        model.addAttribute("window", window);
        model.addAttribute("cases", unrated);
        model.addAttribute("lookbackDays", settings.windowLookback().toDays());
        model.addAttribute("large", large != null);
        return "channels/window-cases";
    }

    private String startPage(WindowView window, boolean large, String mobile, String error, Model model) {
        model.addAttribute("window", window);
        model.addAttribute("mobile", mobile);
        model.addAttribute("error", error);
        model.addAttribute("large", large);
        return "channels/window";
    }

    private String codePage(WindowView window, boolean large, String challenge, String masked, String error,
            Model model) {
        model.addAttribute("window", window);
        model.addAttribute("challenge", challenge);
        model.addAttribute("masked", masked);
        model.addAttribute("error", error);
        model.addAttribute("large", large);
        model.addAttribute("validMinutes", settings.codeValidity().toMinutes());
        return "channels/window-code";
    }

    private WindowView window(String windowCode) {
        CatalogManagement.Window w = catalog.window(windowCode)
                .orElseThrow(() -> DomainProblem.notFound("窗口不存在：" + windowCode));
        var body = catalog.serviceBody(w.serviceBodyCode());
        return new WindowView(w.code(), w.name(), body.map(CatalogManagement.ServiceBody::name).orElse(""),
                body.map(CatalogManagement.ServiceBody::regionCode).orElse(null), links.window(w.code()));
    }
}
