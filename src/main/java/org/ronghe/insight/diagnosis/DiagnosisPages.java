package org.ronghe.insight.diagnosis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ronghe.platform.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/** The diagnosis page: the three failures as tables and the two-skins scatter, with the annual report's button. */
@Controller
class DiagnosisPages {

    private final Diagnoses diagnoses;
    private final JsonMapper json;

    DiagnosisPages(Diagnoses diagnoses, JsonMapper json) {
        this.diagnoses = diagnoses;
        this.json = json;
    }

    @GetMapping("/diagnosis")
    String diagnosis(CurrentUser user, @RequestParam(required = false) Integer year, @RequestParam(required = false) String organ,
                     Model model) {
        Diagnosis d = diagnoses.diagnose(user, year, organ);
        model.addAttribute("d", d);
        model.addAttribute("years", List.of(d.asOf().getYear(), d.asOf().getYear() - 1, d.asOf().getYear() - 2));
        // The scatter's points travel in a data attribute (the CSP refuses inline scripts): [pb, business, name, link, flagged].
        List<Map<String, Object>> points = d.twoSkins().organs().stream().map(v -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("x", v.sides().partyBuilding());
            p.put("y", v.sides().business());
            p.put("name", v.sides().organName());
            p.put("link", v.sides().link());
            p.put("flagged", v.flagged());
            return p;
        }).toList();
        model.addAttribute("points", json.writeValueAsString(points));
        return "insight/diagnosis";
    }
}
