package org.haochaping.channels;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.haochaping.catalog.CatalogManagement;
import org.haochaping.evaluation.EvaluationView;
import org.haochaping.system.DomainProblem;
import org.haochaping.system.FieldProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The window tablet's full-screen page ({@code /device/{deviceCode}}). Set up once with {@code ?key=} (the device
 * key sets a long-lived cookie), it waits for the next case presented at its window — polling every second with
 * htmx, or reloading every few seconds without JavaScript — then shows the case and the options, thanks the
 * person and returns to waiting. Without a valid key or cookie: 403.
 */
@Controller
class DevicePage {

    private static final String HTMX = "HX-Request";
    private static final String IDLE = "idle";

    private final WindowDevices devices;
    private final DeviceSessions sessions;
    private final CatalogManagement catalog;
    private final ChannelSettings settings;

    DevicePage(WindowDevices devices, DeviceSessions sessions, CatalogManagement catalog, ChannelSettings settings) {
        this.devices = devices;
        this.sessions = sessions;
        this.catalog = catalog;
        this.settings = settings;
    }

    @GetMapping("/device/{deviceCode}")
    Object page(@PathVariable String deviceCode, @RequestParam(required = false) String key,
            @CookieValue(name = DeviceSessions.COOKIE, required = false) String cookie, HttpServletRequest request) {
        if (key != null) {
            WindowDevices.Tablet tablet = devices.tablet(deviceCode)
                    .filter(t -> catalog.deviceKeyMatches(deviceCode, key))
                    .orElseThrow(DevicePage::notAuthorised);
            ResponseCookie deviceCookie = ResponseCookie.from(DeviceSessions.COOKIE, sessions.open(tablet.deviceCode()))
                    .path("/device/" + tablet.deviceCode()).httpOnly(true).secure(request.isSecure()).sameSite("Strict")
                    .maxAge(settings.deviceSessionValidity()).build();
            // the key leaves the address bar at once
            return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.SET_COOKIE, deviceCookie.toString())
                    .header(HttpHeaders.LOCATION, request.getContextPath() + "/device/" + tablet.deviceCode()).build();
        }
        WindowDevices.Tablet tablet = authorised(deviceCode, cookie);
        return current(tablet, false);
    }

    /**
     * The part of the page that changes; 204 while what the tablet shows is still right ({@code showing} is the
     * presentation on screen, or {@code idle}).
     */
    @GetMapping("/device/{deviceCode}/panel")
    Object panel(@PathVariable String deviceCode, @RequestParam(required = false) String showing,
            @CookieValue(name = DeviceSessions.COOKIE, required = false) String cookie, HttpServletRequest request) {
        WindowDevices.Tablet tablet = authorised(deviceCode, cookie);
        var current = devices.showing(deviceCode);
        boolean unchanged = current.map(p -> p.id().equals(showing)).orElse(IDLE.equals(showing));
        if (unchanged) {
            return ResponseEntity.noContent().build();
        }
        return current(tablet, request.getHeader(HTMX) != null);
    }

    @PostMapping("/device/{deviceCode}/rate")
    ModelAndView rate(@PathVariable String deviceCode, @RequestParam MultiValueMap<String, String> form,
            @CookieValue(name = DeviceSessions.COOKIE, required = false) String cookie, HttpServletRequest request) {
        WindowDevices.Tablet tablet = authorised(deviceCode, cookie);
        boolean htmx = request.getHeader(HTMX) != null;
        String presentationId = form.getFirst("presentation");
        try {
            EvaluationView stored = devices.rate(deviceCode, presentationId == null ? "" : presentationId,
                    RatingForm.parse(form));
            ModelAndView view = view(tablet, "thanks", htmx);
            view.addObject("rating", stored);
            return view;
        } catch (FieldProblem problem) {
            ModelAndView view = presented(tablet, devices.showing(deviceCode).orElse(null), htmx);
            view.addObject("values", form.toSingleValueMap());
            view.addObject("errors", problem.errors());
            // htmx swaps only successful answers; without JavaScript the status says what happened
            view.setStatus(htmx ? HttpStatus.OK : HttpStatus.BAD_REQUEST);
            return view;
        } catch (DomainProblem problem) {
            ModelAndView view = view(tablet, "notice", htmx);
            view.addObject("noticeTitle", problem.title());
            view.addObject("noticeDetail", problem.detail());
            view.setStatus(htmx ? HttpStatus.OK : problem.status());
            return view;
        }
    }

    private ModelAndView current(WindowDevices.Tablet tablet, boolean htmx) {
        var showing = devices.showing(tablet.deviceCode());
        return showing.isPresent() ? presented(tablet, showing.get(), htmx) : view(tablet, "idle", htmx);
    }

    private ModelAndView presented(WindowDevices.Tablet tablet, Presentations.Presentation p, boolean htmx) {
        if (p == null) {
            return view(tablet, "idle", htmx);
        }
        ModelAndView view = view(tablet, "presented", htmx);
        view.addObject("presentation", p);
        view.addObject("facts", CaseFacts.of(devices.caseOf(p), null, catalog));
        org.springframework.ui.ExtendedModelMap choices = new org.springframework.ui.ExtendedModelMap();
        RatingPageController.addFormChoices(choices, catalog);
        view.addAllObjects(choices);
        view.addObject("values", Map.of());
        view.addObject("errors", List.of());
        return view;
    }

    private static ModelAndView view(WindowDevices.Tablet tablet, String state, boolean htmx) {
        ModelAndView view = new ModelAndView(htmx ? "channels/device :: panel" : "channels/device");
        view.addObject("tablet", tablet);
        view.addObject("state", state);
        return view;
    }

    private WindowDevices.Tablet authorised(String deviceCode, String cookie) {
        return devices.tablet(deviceCode).filter(t -> sessions.valid(deviceCode, cookie))
                .orElseThrow(DevicePage::notAuthorised);
    }

    private static DomainProblem notAuthorised() {
        return new DomainProblem(HttpStatus.FORBIDDEN, "评价器未授权",
                "这台设备尚未登记为评价器，或登记已失效。请由大厅管理员使用设备密钥重新设置。");
    }
}
