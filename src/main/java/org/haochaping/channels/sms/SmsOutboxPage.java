package org.haochaping.channels.sms;

import java.util.List;

import org.haochaping.channels.SmsMessage;
import org.haochaping.identity.CurrentUser;
import org.haochaping.identity.PersonalDataVault;
import org.haochaping.identity.PersonalField;
import org.haochaping.identity.Role;
import org.haochaping.system.DomainProblem;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /console/sms-outbox}: what the logging gateway "sent" — for supervisors and administrators, so a demo can
 * show the invitations and codes a citizen would receive. Mobiles masked for supervisors, hidden for administrators.
 */
@Controller
class SmsOutboxPage {

    record Row(String sentAt, String mobile, String purpose, String text) {
    }

    static final int SHOWN = 100;

    private final SmsOutbox outbox;
    private final SmsSettings settings;
    private final PersonalDataVault vault;

    SmsOutboxPage(SmsOutbox outbox, SmsSettings settings, PersonalDataVault vault) {
        this.outbox = outbox;
        this.settings = settings;
        this.vault = vault;
    }

    @GetMapping("/console/sms-outbox")
    String outbox(@AuthenticationPrincipal CurrentUser user, Model model) {
        if (user == null || !(user.role() == Role.SUPERVISOR || user.role() == Role.ADMIN)) {
            throw DomainProblem.forbidden("短信发件箱仅供政务服务管理部门和系统管理员查看。");
        }
        List<Row> rows = outbox.newest(user.scope(), SHOWN).stream()
                .map(k -> new Row(k.sentAt().format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")),
                        user.isAdmin() ? "—" : vault.masked(k.sealedMobile(), PersonalField.MOBILE),
                        label(k.purpose()), k.text()))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("logging", "logging".equalsIgnoreCase(settings.gateway()));
        model.addAttribute("shown", SHOWN);
        return "channels/sms-outbox";
    }

    static String label(SmsMessage.Purpose purpose) {
        return switch (purpose) {
            case VERIFICATION_CODE -> "验证码";
            case INVITATION -> "评价邀请";
            case REPLY_HELP -> "回复提示";
            case REPLY_THANKS -> "评价确认";
            case FEEDBACK -> "整改反馈";
        };
    }
}
