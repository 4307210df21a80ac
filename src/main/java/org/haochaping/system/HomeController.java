package org.haochaping.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: what the system is, with links to the console, the public page and the API documentation. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "system/home";
    }
}
