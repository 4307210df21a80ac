package org.haochaping.channels;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.haochaping.catalog.CatalogManagement;
import org.haochaping.evaluation.Level;
import org.haochaping.evaluation.SubjectRatings;
import org.haochaping.evaluation.SubjectType;
import org.haochaping.identity.PersonalDataVault;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * 综合点评 (plan 二(四)1): anyone comments on a service body, department or item without a case, after proving
 * their mobile with an SMS code — as JSON ({@code POST /api/v1/public-comments}) and on the phone page {@code /c}.
 */
@Controller
class PublicComments {

    /** The verification codes of public comments share the static window QR's codes under this context. */
    static final String CONTEXT = "PUBLIC-COMMENT";
    static final String MOBILE = "1[0-9]{10}";

    record CodeRequest(@Size(max = 20) String mobile) {
    }

    record CommentRequest(@Size(max = 64) String challenge, @Size(max = 10) String code, @Size(max = 20) String mobile,
            SubjectType subjectType, @Size(max = 64) String subjectCode, Level level, @Size(max = 2000) String comment) {
    }

    private final VerificationCodes codes;
    private final SubjectRatings ratings;
    private final CatalogManagement catalog;
    private final PersonalDataVault vault;

    PublicComments(VerificationCodes codes, SubjectRatings ratings, CatalogManagement catalog, PersonalDataVault vault) {
        this.codes = codes;
        this.ratings = ratings;
        this.catalog = catalog;
        this.vault = vault;
    }

    @PostMapping("/api/v1/public-comments/code")
    @ResponseBody
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> sendCode(@Valid @RequestBody CodeRequest request) {
        return Map.of("challenge", send(request.mobile()));
    }

    @PostMapping("/api/v1/public-comments")
    @ResponseBody
    @ResponseStatus(HttpStatus.CREATED)
    SubjectRatings.SubjectRatingView comment(@Valid @RequestBody CommentRequest request) {
        verify(request.challenge(), request.code(), request.mobile());
        return ratings.publicComment(request.subjectType(), request.subjectCode(), request.level(), request.comment(),
                request.mobile().trim());
    }

    @GetMapping("/c")
    String page(Model model) {
        return form(model, Map.of(), null, List.of());
    }

    @PostMapping("/c/code")
    String pageCode(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        try {
            return form(model, form, send(form.get("mobile")), List.of());
        } catch (FieldProblem problem) {
            response.setStatus(400);
            return form(model, form, null, problem.errors());
        }
    }

    @PostMapping("/c")
    String pageComment(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        try {
            verify(form.get("challenge"), form.get("code"), form.get("mobile"));
            SubjectType.Choice subject = SubjectType.Choice.parse(form.get("subject"));
            Level level = form.get("level") == null || form.get("level").isBlank() ? null : Level.valueOf(form.get("level"));
            model.addAttribute("rating", ratings.publicComment(subject.type(), subject.code(), level, form.get("comment"),
                    form.get("mobile").trim()));
            return "channels/comment-thanks";
        } catch (FieldProblem problem) {
            response.setStatus(400);
            return form(model, form, form.get("challenge"), problem.errors());
        } catch (IllegalArgumentException badLevel) {
            response.setStatus(400);
            return form(model, form, form.get("challenge"), List.of(new FieldProblem.FieldError("level", "满意度等级无效")));
        }
    }

    private String send(String mobile) {
        if (mobile == null || !mobile.trim().matches(MOBILE)) {
            throw FieldProblem.of("mobile", "请输入正确的 11 位手机号");
        }
        return codes.send(CONTEXT, "综合点评", null, mobile.trim());
    }

    private void verify(String challenge, String code, String mobile) {
        if (mobile == null || !mobile.trim().matches(MOBILE)) {
            throw FieldProblem.of("mobile", "请输入正确的 11 位手机号");
        }
        if (challenge == null || challenge.isBlank()) {
            throw FieldProblem.of("code", "请先获取短信验证码");
        }
        VerificationCodes.Attempt attempt = codes.verify(challenge, CONTEXT, code);
        switch (attempt.outcome()) {
            case VERIFIED -> {
            }
            case WRONG -> throw FieldProblem.of("code", "验证码不正确，还可以再试 " + attempt.remaining() + " 次");
            case LOCKED -> throw new DomainProblem(HttpStatus.TOO_MANY_REQUESTS, "操作过于频繁", "验证码错误次数过多，请重新获取。");
            default -> throw FieldProblem.of("code", "验证码已失效，请重新获取");
        }
        String verifiedMobile = codes.verified(challenge, CONTEXT).map(VerificationCodes.Verified::mobileIndex).orElse(null);
        if (verifiedMobile == null || !verifiedMobile.equals(vault.index(mobile.trim()))) {
            throw FieldProblem.of("mobile", "手机号与验证码不匹配");
        }
    }

    private String form(Model model, Map<String, String> values, String challenge, List<FieldProblem.FieldError> errors) {
        model.addAttribute("values", values);
        model.addAttribute("challenge", challenge);
        model.addAttribute("errors", errors);
        model.addAttribute("bodies", catalog.serviceBodies());
        model.addAttribute("departments", catalog.departments());
        model.addAttribute("items_", catalog.items());
        model.addAttribute("levels", Level.values());
        return "channels/comment";
    }
}
