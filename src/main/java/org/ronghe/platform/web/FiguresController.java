package org.ronghe.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ronghe.platform.CurrentUser;
import org.ronghe.platform.FigureSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "figures", description = "由记录计算的数字")
class FiguresController {

    private final Figures figures;

    FiguresController(Figures figures) {
        this.figures = figures;
    }

    @GetMapping("/api/v1/figures")
    @Operation(summary = "当前用户数据范围内由记录计算的各项数字")
    Map<String, Number> figures(CurrentUser user) {
        Map<String, Number> result = new LinkedHashMap<>();
        for (FigureSource.Figure figure : figures.of(user)) {
            result.put(figure.key(), figure.value());
        }
        return result;
    }
}
