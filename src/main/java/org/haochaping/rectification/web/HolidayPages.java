package org.haochaping.rectification.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.haochaping.system.Forms;
import org.haochaping.identity.CurrentUser;
import org.haochaping.rectification.internal.HolidayCalendars;
import org.haochaping.rectification.internal.RectificationSettings;
import org.haochaping.system.FieldProblem;
import org.haochaping.system.Zones;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The holiday calendar page: an administrator uploads each year's file from the State Council's notice (holidays
 * and make-up working days, 调休); everyone sees what deadlines in working days are counted with.
 */
@Controller
class HolidayPages {

    static final long MAX_FILE = 64 * 1024;

    private final HolidayCalendars calendars;
    private final RectificationSettings settings;
    private final Clock clock;

    HolidayPages(HolidayCalendars calendars, RectificationSettings settings, Clock clock) {
        this.calendars = calendars;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping("/console/holidays")
    String page(@RequestParam(required = false) Integer year, @AuthenticationPrincipal CurrentUser user, Model model) {
        int thisYear = Zones.now(clock).getYear();
        int shown = year == null || year < 2000 || year > 2100 ? thisYear : year;
        model.addAttribute("year", shown);
        model.addAttribute("thisYear", thisYear);
        model.addAttribute("years", calendars.years());
        model.addAttribute("days", calendars.between(shown, shown).list());
        model.addAttribute("policy", settings.deadlinePolicy().description());
        model.addAttribute("workingDays", settings.deadlinePolicy().counting().name().equals("WORKING"));
        model.addAttribute("admin", user != null && user.isAdmin());
        return "rectification/holidays";
    }

    @PostMapping("/console/holidays")
    String upload(@RequestParam(required = false) Integer year, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String text, @AuthenticationPrincipal CurrentUser user,
            RedirectAttributes redirect) {
        int target = year == null ? Zones.now(clock).getYear() : year;
        return Forms.act("/console/holidays?year=" + target, redirect, target + " 年节假日安排已更新。",
                () -> calendars.upload(target, content(file, text), user));
    }

    private static String content(MultipartFile file, String text) {
        if (file != null && !file.isEmpty()) {
            if (file.getSize() > MAX_FILE) {
                throw FieldProblem.of("file", "文件过大（最大 64 KB）");
            }
            try {
                return new String(file.getBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw FieldProblem.of("file", "文件无法读取");
            }
        }
        if (text != null && !text.isBlank()) {
            return Forms.limit(text, (int) MAX_FILE);
        }
        throw FieldProblem.of("file", "请选择文件或粘贴内容");
    }
}
