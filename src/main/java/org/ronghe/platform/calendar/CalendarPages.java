package org.ronghe.platform.calendar;

import java.time.LocalDate;

import org.ronghe.platform.WorkCalendar;
import org.ronghe.platform.WorkingTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The working calendar for administrators: the year's holidays and swapped working days, editable. */
@Controller
class CalendarPages {

    private final WorkCalendar calendar;

    CalendarPages(WorkCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/calendar")
    String page(@RequestParam(required = false) Integer year, Model model) {
        int shown = year == null ? calendar.today().getYear() : year;
        model.addAttribute("year", shown);
        model.addAttribute("days", calendar.declared(shown));
        model.addAttribute("kinds", WorkingTime.DayKind.values());
        return "calendar";
    }

    @PostMapping("/calendar")
    String declare(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                   @RequestParam(required = false) WorkingTime.DayKind kind, @RequestParam(required = false) String name) {
        calendar.declare(day, kind, name);
        return "redirect:/calendar?year=" + day.getYear();
    }
}
