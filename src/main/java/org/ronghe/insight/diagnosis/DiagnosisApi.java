package org.ronghe.insight.diagnosis;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ronghe.platform.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "diagnosis", description = "诊断：淡化、两张皮（弱化）、层层递减（虚化），每项附计数和记录链接")
class DiagnosisApi {

    private final Diagnoses diagnoses;

    DiagnosisApi(Diagnoses diagnoses) {
        this.diagnoses = diagnoses;
    }

    @GetMapping("/api/v1/diagnosis")
    @Operation(summary = "某年度（默认本年，截至今日）的诊断，按数据范围（工委全部机关，机关党组书记本单位），可按单位 organ 筛选")
    Diagnosis diagnosis(CurrentUser user, @RequestParam(required = false) Integer year, @RequestParam(required = false) String organ) {
        return diagnoses.diagnose(user, year, organ);
    }
}
